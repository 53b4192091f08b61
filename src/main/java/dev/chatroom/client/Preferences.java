package dev.chatroom.client;

import dev.chatroom.irc.Casemapping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rooms muted (no notifications) and the people ignored (their messages hidden), kept in
 * {@code ~/.config/chatroom/preferences} (or under {@code $XDG_CONFIG_HOME}) so they outlast the
 * session: one {@code mute #room} or {@code ignore nick} per line, # for comments. They hold for
 * every server. Names compare by IRC casemapping; they are kept as first typed.
 */
public final class Preferences {
    private static final String HEADER = "# chatroom client: /mute-room and /ignore write this file";
    /** Null: nothing is saved (tests, or no config directory). */
    private final Path file;

    private final Map<String, String> muted = new LinkedHashMap<>();
    private final Map<String, String> ignored = new LinkedHashMap<>();

    private Preferences(Path file) {
        this.file = file;
    }

    /** Kept for this run only. */
    public static Preferences inMemory() {
        return new Preferences(null);
    }

    /** The file in the user's config directory. */
    public static Preferences forUser() throws IOException {
        return load(ClientFiles.configDir().resolve("preferences"));
    }

    /** What the file says (nothing when it does not exist); lines it does not know are left out. */
    public static Preferences load(Path file) throws IOException {
        Preferences p = new Preferences(file);
        if (!Files.exists(file)) return p;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] words = line.strip().split("\\s+");
            if (words.length != 2) continue;
            if (words[0].equals("mute")) p.muted.put(Casemapping.fold(words[1]), words[1]);
            if (words[0].equals("ignore")) p.ignored.put(Casemapping.fold(words[1]), words[1]);
        }
        return p;
    }

    public synchronized boolean muted(String room) {
        return room != null && muted.containsKey(Casemapping.fold(room));
    }

    public synchronized boolean ignored(String nick) {
        return nick != null && ignored.containsKey(Casemapping.fold(nick));
    }

    /** Mutes (on) or unmutes a room; false when it already was. Saved before returning. */
    public synchronized boolean mute(String room, boolean on) throws IOException {
        return change(muted, room, on);
    }

    /** Ignores (on) or stops ignoring someone; false when it already was. Saved before returning. */
    public synchronized boolean ignore(String nick, boolean on) throws IOException {
        return change(ignored, nick, on);
    }

    public synchronized List<String> mutedRooms() {
        return List.copyOf(muted.values());
    }

    public synchronized List<String> ignoredNicks() {
        return List.copyOf(ignored.values());
    }

    /**
     * The event as someone ignoring these people sees it: their messages (room or private) gone
     * from it, null when nothing is left to show. Their joins, parts and nick changes stay.
     */
    public ClientEvent withoutIgnored(ClientEvent e) {
        if (e instanceof ClientEvent.Chat c) return ignored(c.from()) ? null : c;
        if (e instanceof ClientEvent.Reacted r) return ignored(r.from()) ? null : r;
        if (e instanceof ClientEvent.Typing t) return ignored(t.from()) ? null : t;
        if (e instanceof ClientEvent.History h)
            return new ClientEvent.History(h.target(), h.kind(), kept(h.messages()), h.readUpTo());
        if (e instanceof ClientEvent.SearchResults s) return new ClientEvent.SearchResults(s.words(), kept(s.found()));
        return e;
    }

    private List<ClientEvent.Chat> kept(List<ClientEvent.Chat> messages) {
        List<ClientEvent.Chat> out = new ArrayList<>(messages.size());
        for (ClientEvent.Chat c : messages) if (!ignored(c.from())) out.add(c);
        return out;
    }

    private boolean change(Map<String, String> names, String name, boolean on) throws IOException {
        String key = Casemapping.fold(name);
        boolean changed = on ? names.putIfAbsent(key, name) == null : names.remove(key) != null;
        if (changed) save();
        return changed;
    }

    /** The whole file anew, then moved over the old one: a crash leaves the old or the new, never half. */
    private void save() throws IOException {
        if (file == null) return;
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (String room : muted.values()) lines.add("mute " + room);
        for (String nick : ignored.values()) lines.add("ignore " + nick);
        Path dir = file.toAbsolutePath().getParent();
        ClientFiles.createPrivateDirectories(dir);
        Path next = Files.createTempFile(dir, "preferences", ".new");
        try {
            Files.write(next, lines, StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(next);
        }
    }
}

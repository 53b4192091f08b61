package dev.chatroom.client;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Message;
import dev.chatroom.irc.Names;
import dev.chatroom.irc.Numeric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * /notify: the names the user wants to be told about when they come online or leave, for one
 * server. Sent as MONITOR on every connection to a server that offers it (so again after a
 * reconnection), kept in {@code ~/.config/chatroom/notify} (one {@code host:port nick} a line)
 * when it has a file, and who of them the server last said is online. Changed on the input
 * thread, read on the network thread: synchronized.
 */
public final class Watchlist {
    /** Bytes of names per MONITOR line: with the command, well within 512. */
    private static final int NAMES_PER_LINE = 400;

    private final Path file;
    private final String server;
    /** Casefolded -> as typed, in the order added. */
    private final Map<String, String> nicks = new LinkedHashMap<>();
    /** Casefolded -> what the server last said (730 true, 731 false); absent: not told yet. */
    private final Map<String, Boolean> online = new HashMap<>();
    /** The connection whose server offered MONITOR and was given the list; null when none. */
    private ChatClient live;

    private Watchlist(Path file, String server) {
        this.file = file;
        this.server = server;
    }

    /** Kept for the session only (the ssh gateway's shell, tests). */
    public static Watchlist inMemory() {
        return new Watchlist(null, null);
    }

    /** The list for host:port in the user's config directory, as saved there. */
    public static Watchlist forUser(String host, int port) throws IOException {
        return load(ClientFiles.configDir().resolve("notify"), host, port);
    }

    /** The list for host:port in this file (none yet: empty). */
    static Watchlist load(Path file, String host, int port) throws IOException {
        Watchlist w = new Watchlist(file, KnownServers.key(host, port));
        if (!Files.exists(file)) return w;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] words = line.strip().split("\\s+");
            if (words.length == 2 && words[0].toLowerCase(Locale.ROOT).equals(w.server) && Names.isValidNick(words[1]))
                w.nicks.put(Casemapping.fold(words[1]), words[1]);
        }
        return w;
    }

    public synchronized List<String> nicks() {
        return new ArrayList<>(nicks.values());
    }

    /** The members given, and the names on the list: what Tab completes. */
    public synchronized Collection<String> withMembers(Collection<String> members) {
        Set<String> all = new LinkedHashSet<>(members);
        all.addAll(nicks.values());
        return all;
    }

    /**
     * /notify add|del|list: changes the list (saved, and told to the server when connected to
     * one that offers MONITOR) and says what happened.
     */
    public synchronized String command(Action.Notify n) {
        ChatClient client = live != null && !live.closed().isDone() ? live : null;
        if (n.verb().equals("list")) return listed();
        String nick = n.nick();
        if (!Names.isValidNick(nick)) return "Not a name: " + nick;
        String folded = Casemapping.fold(nick);
        if (n.verb().equals("add")) {
            if (nicks.containsKey(folded)) return "You already watch " + nicks.get(folded) + ".";
            nicks.put(folded, nick);
            if (client != null) client.command("MONITOR + " + nick);
            return "Watching " + nick + ": you are told when they come and go." + saved();
        }
        if (nicks.remove(folded) == null) return "You do not watch " + nick + ".";
        online.remove(folded);
        if (client != null) client.command("MONITOR - " + nick);
        return "No longer watching " + nick + "." + saved();
    }

    private String listed() {
        if (nicks.isEmpty()) return "You watch nobody. /notify add <name> to be told when someone comes or goes.";
        StringJoiner out = new StringJoiner(", ", "You watch: ", "");
        for (Map.Entry<String, String> e : nicks.entrySet()) {
            Boolean on = online.get(e.getKey());
            out.add(e.getValue() + (on == null ? "" : on ? " (online)" : " (offline)"));
        }
        return out.toString();
    }

    /** An ISUPPORT line of client's server: when it offers MONITOR, the list goes to it (once a connection). */
    synchronized void isupport(Message m, ChatClient client) {
        if (live == client || !offeredIn(m)) return;
        live = client;
        monitorLines().forEach(client::command);
    }

    /** The MONITOR + lines that tell a server the whole list. */
    List<String> monitorLines() {
        List<String> lines = new ArrayList<>();
        StringJoiner names = new StringJoiner(",");
        for (String nick : nicks.values()) {
            if (names.length() > 0 && names.length() + 1 + nick.length() > NAMES_PER_LINE) {
                lines.add("MONITOR + " + names);
                names = new StringJoiner(",");
            }
            names.add(nick);
        }
        if (names.length() > 0) lines.add("MONITOR + " + names);
        return lines;
    }

    private static boolean offeredIn(Message isupport) {
        for (String token : isupport.params()) if (token.equals("MONITOR") || token.startsWith("MONITOR=")) return true;
        return false;
    }

    /** 730 or 731: who of ours came online or left, each told once per change. */
    synchronized List<ClientEvent> told(Message m) {
        boolean on = m.command().equals(Numeric.RPL_MONONLINE);
        List<ClientEvent> out = new ArrayList<>();
        String targets = m.params().isEmpty() ? "" : m.param(m.params().size() - 1);
        for (String target : targets.split(",")) {
            int bang = target.indexOf('!');
            String nick = bang < 0 ? target : target.substring(0, bang);
            String folded = Casemapping.fold(nick);
            if (nick.isEmpty() || !nicks.containsKey(folded)) continue;
            Boolean was = online.put(folded, on);
            if (was == null || was != on) out.add(new ClientEvent.Presence(nick, on));
        }
        return out;
    }

    /** Writes the list back, this server's lines replaced; "" or why it could not be. */
    private String saved() {
        if (file == null) return "";
        try {
            List<String> lines = new ArrayList<>();
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String first = line.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
                    if (!first.equals(server)) lines.add(line);
                }
            }
            for (String nick : nicks.values()) lines.add(server + " " + nick);
            ClientFiles.createPrivateDirectories(file.toAbsolutePath().getParent());
            Path next = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(next);
            try {
                Files.createFile(
                        next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(next);
            }
            Files.write(next, lines, StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return "";
        } catch (IOException e) {
            return " (Not saved: " + e.getMessage() + ")";
        }
    }
}

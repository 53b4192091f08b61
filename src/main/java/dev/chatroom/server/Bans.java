package dev.chatroom.server;

import dev.chatroom.irc.Casemapping;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Bans as {@code nick!user@host} masks with {@code *} and {@code ?}, kept in a plain text file
 * ({@code MASK<TAB>REASON<TAB>WHEN}, one per line) that is replaced atomically on every change, so
 * a crash never leaves it half written.
 */
public final class Bans {
    public static final String FILE_NAME = "bans.txt";

    public record Ban(String mask, String reason, Instant since) {}

    /** What loading found: the bans, and a message for each line that was not one. */
    public record Loaded(Bans bans, List<String> problems) {}

    private final Path file;
    private final List<Ban> bans = new ArrayList<>();

    public Bans(Path file) {
        this.file = file;
    }

    /** Reads the ban file if there is one; bad lines are skipped and reported, never fatal. */
    public static Loaded load(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        Bans b = new Bans(file);
        List<String> problems = new ArrayList<>();
        if (!Files.exists(file)) return new Loaded(b, problems);
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            String why = null;
            if (f.length != 3) {
                why = "expected MASK<TAB>REASON<TAB>TIME";
            } else if (!validMask(f[0])) {
                why = "'" + printable(f[0]) + "' is not a nick!user@host mask";
            } else if (f[1].indexOf('\uFFFD') >= 0 || f[1].chars().anyMatch(c -> c < 0x20)) {
                why = "the reason is not valid text";
            } else {
                try {
                    b.bans.add(new Ban(f[0], f[1], Instant.parse(f[2])));
                } catch (DateTimeParseException e) {
                    why = "'" + printable(f[2]) + "' is not a time";
                }
            }
            if (why != null) problems.add(file.getFileName() + " line " + (i + 1) + ": " + why + "; skipped");
        }
        return new Loaded(b, problems);
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return cut.replaceAll("[\\p{Cntrl}\uFFFD]", "?");
    }

    /** What the admin typed (a nick, an address, or a mask) as a full mask. */
    public static String normalize(String target) {
        if (target.contains("!") || target.contains("@")) {
            String m = target;
            if (!m.contains("!")) m = "*!" + m;
            if (!m.contains("@")) m = m + "@*";
            return m;
        }
        // Nicks cannot contain '.' or ':', addresses always do.
        if (target.contains(".") || target.contains(":")) return "*!*@" + target;
        return target + "!*@*";
    }

    /** Whether a mask can be a ban: nick!user@host, all three parts present, no spaces or controls. */
    public static boolean validMask(String mask) {
        int bang = mask.indexOf('!');
        int at = mask.indexOf('@');
        return bang > 0 && at > bang + 1 && at < mask.length() - 1 && mask.indexOf(' ') < 0 && mask.chars().noneMatch(c -> c < 0x21);
    }

    /** The ban matching nick!user@host, or null. */
    public Ban find(String nick, String user, String host) {
        String subject = Casemapping.fold(nick + "!" + user + "@" + host);
        for (Ban b : bans) if (glob(Casemapping.fold(b.mask())).matcher(subject).matches()) return b;
        return null;
    }

    /** The ban on an address alone (masks of the form *!*@host), for checking at connect time. */
    public Ban findByAddress(String host) {
        for (Ban b : bans) {
            if (b.mask().startsWith("*!*@") && glob(Casemapping.fold(b.mask().substring(4))).matcher(Casemapping.fold(host)).matches()) return b;
        }
        return null;
    }

    private static Pattern glob(String mask) {
        StringBuilder re = new StringBuilder();
        for (char c : mask.toCharArray()) {
            if (c == '*') re.append(".*");
            else if (c == '?') re.append('.');
            else re.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString());
    }

    /** Adds (or replaces) a ban in memory; {@link #save()} makes it last. */
    public Ban add(String mask, String reason, Instant now) {
        bans.removeIf(b -> Casemapping.equals(b.mask(), mask));
        Ban ban = new Ban(mask, reason == null ? "" : reason.replaceAll("[\\p{Cntrl}]", " "), now);
        bans.add(ban);
        return ban;
    }

    /** Removes a ban in memory; false when there was none. */
    public boolean remove(String mask) {
        return bans.removeIf(b -> Casemapping.equals(b.mask(), mask));
    }

    public List<Ban> all() {
        return Collections.unmodifiableList(bans);
    }

    /** Writes the file: a temporary file beside it, then an atomic rename over it. */
    public void save() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        StringBuilder sb = new StringBuilder("# chatroom bans: MASK<TAB>REASON<TAB>SINCE, one per line\n");
        for (Ban b : bans) sb.append(b.mask()).append('\t').append(b.reason()).append('\t').append(b.since()).append('\n');
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

package dev.chatroom.store.sqlite;

import dev.chatroom.store.ServerBan;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ban list of the versions before the database: {@code MASK<TAB>REASON<TAB>SINCE}, one per
 * line in {@code bans.txt}. Read once, to import it into chatroom.db; damaged lines are reported,
 * never fatal.
 */
final class BanFile {
    static final String FILE_NAME = "bans.txt";
    private static final String HEADER = "# chatroom bans: MASK<TAB>REASON<TAB>SINCE, one per line";

    /** What reading found: the bans, and a sentence for each line that was not one. */
    record Loaded(List<ServerBan> bans, List<String> problems) {}

    private BanFile() {}

    static Loaded read(Path file) throws IOException {
        List<ServerBan> bans = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String text = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                .toString();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.equals(HEADER) || line.startsWith("#")) continue;
            String why = parse(line, bans);
            if (why != null) problems.add(file.getFileName() + " line " + (i + 1) + ": " + why + "; skipped");
        }
        return new Loaded(bans, problems);
    }

    private static String parse(String line, List<ServerBan> bans) {
        String[] f = line.split("\t", -1);
        if (f.length != 3) return "expected MASK<TAB>REASON<TAB>TIME";
        if (!ServerBan.validMask(f[0])) return "'" + printable(f[0]) + "' is not a nick!user@host mask";
        if (f[1].indexOf('\uFFFD') >= 0 || f[1].chars().anyMatch(c -> c < 0x20)) return "the reason is not valid text";
        try {
            bans.add(new ServerBan(f[0], f[1], Instant.parse(f[2])));
            return null;
        } catch (DateTimeParseException e) {
            return "'" + printable(f[2]) + "' is not a time";
        }
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return cut.replaceAll("[\\p{Cntrl}\uFFFD]", "?");
    }
}

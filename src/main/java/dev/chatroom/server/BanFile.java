package dev.chatroom.server;

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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The ban list on disk: {@code MASK<TAB>REASON<TAB>SINCE}, one per line. Saving happens on a
 * writer thread of its own (the event loop never touches the disk): a temporary file beside it,
 * then an atomic rename, so a crash never leaves it half written. Lines that are not bans
 * (comments, and damaged lines, which are commented out) are kept when the file is rewritten.
 */
public final class BanFile implements BanStore, AutoCloseable {
    public static final String FILE_NAME = "bans.txt";
    private static final String HEADER = "# chatroom bans: MASK<TAB>REASON<TAB>SINCE, one per line";

    /** What loading found: the bans, and a sentence for each line that was not one. */
    public record Loaded(BanList bans, List<String> problems) {}

    private final Path file;
    private final EventSink events;
    private final List<String> keptLines = new ArrayList<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "chatroom-ban-writer");
        t.setDaemon(true);
        return t;
    });

    public BanFile(Path dataDir, EventSink events) {
        this.file = dataDir.resolve(FILE_NAME);
        this.events = events;
    }

    /** Reads a ban file once (the import into the database). */
    public static Loaded read(Path file) throws IOException {
        BanFile f = new BanFile(file.toAbsolutePath().getParent(), line -> {});
        try {
            return f.load();
        } finally {
            f.close();
        }
    }

    public Path path() {
        return file;
    }

    /** Reads the file if there is one; bad lines are reported and kept (commented), never fatal. */
    public Loaded load() throws IOException {
        BanList bans = new BanList();
        List<String> problems = new ArrayList<>();
        keptLines.clear();
        if (!Files.exists(file)) return new Loaded(bans, problems);
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.equals(HEADER)) continue;
            if (line.startsWith("#")) {
                keptLines.add(line);
                continue;
            }
            String why = parse(line, bans);
            if (why != null) {
                problems.add(file.getFileName() + " line " + (i + 1) + ": " + why + "; skipped");
                keptLines.add("# line " + (i + 1) + " could not be read (" + why + "): " + printable(line));
            }
        }
        return new Loaded(bans, problems);
    }

    private static String parse(String line, BanList bans) {
        String[] f = line.split("\t", -1);
        if (f.length != 3) return "expected MASK<TAB>REASON<TAB>TIME";
        if (!BanList.validMask(f[0])) return "'" + printable(f[0]) + "' is not a nick!user@host mask";
        if (f[1].indexOf('\uFFFD') >= 0 || f[1].chars().anyMatch(c -> c < 0x20)) return "the reason is not valid text";
        try {
            bans.add(f[0], f[1], Instant.parse(f[2]));
            return null;
        } catch (DateTimeParseException e) {
            return "'" + printable(f[2]) + "' is not a time";
        }
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return cut.replaceAll("[\\p{Cntrl}\uFFFD]", "?");
    }

    /** Saves this list of bans in the background; a failure is reported, and the bans hold until restart. */
    @Override
    public void save(List<BanList.Ban> bans) {
        List<String> kept = List.copyOf(keptLines);
        writer.execute(() -> {
            try {
                write(bans, kept);
            } catch (IOException | RuntimeException e) {
                events.event("Could not save the bans to " + file + ": " + e.getMessage() + ". They hold until the server stops.");
            }
        });
    }

    private void write(List<BanList.Ban> bans, List<String> kept) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (String line : kept) sb.append(line).append('\n');
        for (BanList.Ban b : bans) sb.append(b.mask()).append('\t').append(b.reason()).append('\t').append(b.since()).append('\n');
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Waits for pending saves. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.chatroom.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small filesystem of the test's own (a tmpfs: needs root, or a container allowed to mount), to
 * be filled up on purpose; the test is skipped, saying why, where it cannot be made. Unmounted on
 * close, whatever happened.
 */
public final class Tmpfs implements AutoCloseable {
    private final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    /** A tmpfs of the size (mount's notation: 4m) on a new directory; skips the test when it cannot be mounted. */
    public static Tmpfs mountOrSkip(String size) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("chatroom-tmpfs");
        String[] out = {""};
        int status = run(out, "mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", dir.toString());
        if (status != 0) {
            Files.deleteIfExists(dir);
            Assumptions.abort(
                    "cannot mount a tmpfs to fill (this needs root or CAP_SYS_ADMIN): mount said: " + out[0].strip());
        }
        return new Tmpfs(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Writes a file until the filesystem has no space left: returns its size. */
    public long fill(Path filler) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        long written = 0;
        try (OutputStream o = Files.newOutputStream(filler)) {
            while (true) {
                o.write(chunk);
                written += chunk.length;
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left on device")) throw full;
        }
        return written;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        String[] out = {""};
        if (run(out, "umount", dir.toString()) != 0 && run(out, "umount", "-l", dir.toString()) != 0) {
            throw new IOException("cannot unmount " + dir + ": " + out[0].strip());
        }
        Files.deleteIfExists(dir);
    }

    private static int run(String[] output, String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        } catch (IOException noSuchProgram) {
            output[0] = String.valueOf(noSuchProgram.getMessage());
            return -1;
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            output[0] = command[0] + " did not finish within 30 s";
            return -1;
        }
        output[0] = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.exitValue();
    }
}

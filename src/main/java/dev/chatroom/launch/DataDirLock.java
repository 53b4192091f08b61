package dev.chatroom.launch;

import dev.chatroom.files.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * A running server's hold on its data dir: an exclusive lock on {@value #FILE}, which names its process. Two servers
 * on one data dir would each take the database, keys and secrets for their own; the second is refused. The lock also
 * tells {@code --check-config} that the ports in use are the running server's. The operating system drops it when
 * the process ends, however it ends.
 */
final class DataDirLock implements AutoCloseable {
    static final String FILE = "server.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the data dir (made 0700 if missing), or says which process holds it. */
    static DataDirLock take(Path dataDir) throws StartException {
        Path file = dataDir.resolve(FILE);
        FileChannel channel = null;
        try {
            PrivateFiles.createDirectories(dataDir);
            PrivateFiles.createFile(file);
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel, false);
            if (lock == null) {
                channel.close();
                OptionalLong pid = holder(dataDir);
                throw new StartException(
                        "Another chatroom server" + pid(pid) + " uses the data dir " + dataDir
                                + "; give this one its own --data-dir",
                        false,
                        null);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            return new DataDirLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StartException("Cannot use the data dir " + dataDir + ": " + e.getMessage(), false, e);
        }
    }

    /**
     * The process holding the data dir, looked at without taking it for more than an instant: empty when no server
     * holds it (or there is no lock file yet); an IOException when this user may not look.
     */
    static OptionalLong holder(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) return OptionalLong.empty();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock probe = tryLock(channel, true);
            if (probe != null) {
                probe.release();
                return OptionalLong.empty();
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            try {
                return OptionalLong.of(Long.parseLong(text));
            } catch (NumberFormatException e) {
                return OptionalLong.of(0); // held, by a process that has not written its pid yet
            }
        }
    }

    /** " (pid 1234)", or nothing when not known (none, or not written yet). */
    static String pid(OptionalLong pid) {
        return pid.isPresent() && pid.getAsLong() > 0 ? " (pid " + pid.getAsLong() + ")" : "";
    }

    /** Null when another process, or another server in this JVM (tests), holds the file. */
    private static FileLock tryLock(FileChannel channel, boolean shared) throws IOException {
        try {
            return channel.tryLock(0, Long.MAX_VALUE, shared);
        } catch (OverlappingFileLockException inThisJvm) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing held any more either way
        }
    }

    /** Lets the data dir go (stopping, or a start that failed); again is harmless. */
    @Override
    public void close() {
        try {
            if (lock.isValid()) lock.release();
        } catch (IOException ignored) {
            // closing the channel below drops the lock as well
        }
        closeQuietly(channel);
    }
}

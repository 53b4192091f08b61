package dev.chatroom.server.net;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where a Unix domain socket only this user can reach lives: a new directory under the system's
 * temporary directory, with a random name (chosen anew at each start) and mode 0700, so another
 * user can neither find nor enter it; the socket in it is made 0600 too once bound. A port on
 * 127.0.0.1, by contrast, is open to every process on the machine. Both are removed at close,
 * and at exit should close be missed.
 */
final class PrivateSocket implements AutoCloseable {
    private final Path dir;
    private final Path socket;

    private PrivateSocket(Path dir) {
        this.dir = dir;
        this.socket = dir.resolve("gateway");
        dir.toFile().deleteOnExit();
        socket.toFile().deleteOnExit(); // deleted before its directory: the reverse order of registration
    }

    static PrivateSocket create() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        if (!posix()) return new PrivateSocket(Files.createTempDirectory(tmp, "chatroom-")); // a private temp dir
        return new PrivateSocket(Files.createTempDirectory(
                tmp, "chatroom-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    Path path() {
        return socket;
    }

    /** After the bind, which makes the socket with the umask's mode. */
    void ownerOnly() throws IOException {
        if (posix()) Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // left in the temporary directory, unreachable to others; removed at exit or by the system's cleaning
        }
    }
}

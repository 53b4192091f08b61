package dev.chatroom.attach;

import dev.chatroom.files.PrivateFiles;
import dev.chatroom.server.console.AdminSessions;
import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's end of admin.sock in the data dir, which {@code chatroom admin console} attaches
 * to. Only the data dir's owner can reach it (the socket 0600 in the 0700 data dir): its file
 * permissions are the authentication, as with sojuctl, birdc or redis-cli -s. Admins are few: a
 * thread accepts, and each console has two of its own.
 */
public final class AdminSocket implements AutoCloseable {
    public static final String FILE = "admin.sock";

    private final Path path;
    private final ServerSocketChannel listener;
    private final AdminSessions sessions;
    private final Set<SocketConsole> consoles = ConcurrentHashMap.newKeySet();
    private final AtomicInteger numbers = new AtomicInteger();

    private AdminSocket(Path path, ServerSocketChannel listener, AdminSessions sessions) {
        this.path = path;
        this.listener = listener;
        this.sessions = sessions;
    }

    /**
     * Listens on admin.sock in dataDir; one left behind by a server that crashed is replaced.
     * Throws, saying why, when it cannot (another server listens there, a path too long for a
     * socket).
     */
    public static AdminSocket open(Path dataDir, AdminSessions sessions) throws IOException {
        Path path = dataDir.resolve(FILE);
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            if (listening(path)) throw new IOException(path + " is in use by another running server");
            Files.delete(path);
        }
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            listener.bind(UnixDomainSocketAddress.of(path));
            Files.setPosixFilePermissions(path, PrivateFiles.FILE);
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw new IOException("cannot listen on " + path + ": " + e.getMessage(), e);
        }
        AdminSocket socket = new AdminSocket(path, listener, sessions);
        Thread accepting = new Thread(socket::accept, "admin-socket");
        accepting.setDaemon(true);
        accepting.start();
        return socket;
    }

    /** True when a server answers on path; false for a socket nobody listens on any more. */
    static boolean listening(Path path) throws IOException {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            return true;
        } catch (ConnectException e) {
            return false;
        }
    }

    public Path path() {
        return path;
    }

    private void accept() {
        try {
            while (true) {
                SocketChannel channel = listener.accept();
                SocketConsole console =
                        new SocketConsole("console " + numbers.incrementAndGet(), new LineChannel(channel));
                consoles.add(console);
                Thread serving = new Thread(
                        () -> {
                            console.serve(sessions);
                            consoles.remove(console);
                        },
                        "admin-console-" + numbers.get());
                serving.setDaemon(true);
                serving.start();
            }
        } catch (ClosedChannelException e) {
            // closed: the server is stopping
        } catch (IOException e) {
            sessions.event("Admin socket: " + e.getMessage() + "; chatroom admin console cannot attach any more.");
        }
    }

    /** No more consoles; those attached are told the server stops, and let go. */
    @Override
    public void close() {
        try {
            listener.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // stopping anyway; a socket left behind is replaced at the next start
        }
        for (SocketConsole c : consoles) c.stop(true);
    }
}

package dev.chatroom.attach;

import dev.chatroom.log.Event;
import dev.chatroom.server.console.AdminSessions;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's end of the admin socket ({@code admin.sock} in the data dir, or the admin-socket
 * setting), which {@code chatroom admin console} attaches to. Only its owner can connect (0600),
 * or its owner and the admin-group's members (0660): its file permissions are the
 * authentication, as with sojuctl, birdc or redis-cli -s. Admins are few: a thread accepts, and
 * each console has two of its own.
 */
public final class AdminSocket implements AutoCloseable {
    private final SocketFile file;
    private final ServerSocketChannel listener;
    private final AdminSessions sessions;
    private final Set<SocketConsole> consoles = ConcurrentHashMap.newKeySet();
    private final AtomicInteger numbers = new AtomicInteger();

    private AdminSocket(SocketFile file, ServerSocketChannel listener, AdminSessions sessions) {
        this.file = file;
        this.listener = listener;
        this.sessions = sessions;
    }

    /**
     * Listens on path, for its owner and the members of group (null: the owner only); a socket
     * left behind by a server that crashed is replaced. Throws, saying why, when it cannot
     * (another server listens there, no such group, a path too long for a socket).
     */
    public static AdminSocket open(Path path, String group, AdminSessions sessions) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        SocketFile file;
        try {
            file = SocketFile.bind(listener, path, group);
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw new IOException("cannot listen on " + path + ": " + e.getMessage(), e);
        }
        AdminSocket socket = new AdminSocket(file, listener, sessions);
        Thread accepting = new Thread(socket::accept, "admin-socket");
        accepting.setDaemon(true);
        accepting.start();
        return socket;
    }

    /** The first directory on the way to the socket that group's members cannot pass, or null. */
    public Path closedTo(String group) throws IOException {
        return SocketFile.closedTo(file.path(), group);
    }

    public Path path() {
        return file.path();
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
            sessions.event(Event.error(
                    "admin_socket_failed",
                    "Admin socket: " + e.getMessage() + "; chatroom admin console cannot attach any more."));
        }
    }

    /** No more consoles; those attached are told the server stops, and let go. */
    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // stopping anyway
        }
        file.delete();
        for (SocketConsole c : consoles) c.stop(true);
    }
}

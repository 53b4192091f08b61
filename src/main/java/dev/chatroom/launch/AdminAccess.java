package dev.chatroom.launch;

import dev.chatroom.attach.AdminSocket;
import dev.chatroom.config.ServerConfig;
import dev.chatroom.log.Event;
import dev.chatroom.server.ServerAccess;
import dev.chatroom.server.console.AdminSession;
import dev.chatroom.server.console.AdminSessions;
import dev.chatroom.ssh.AdminKeys;
import dev.chatroom.ssh.SshAdmin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ways to be this server's admin besides its own terminal: {@code chatroom admin console}
 * through admin.sock in the data dir, and {@code ssh admin@host} with a key in the admin keys.
 * Every console, whichever way it came, is one of the same {@link AdminSessions}.
 */
final class AdminAccess implements AutoCloseable {
    private final ServerConfig config;
    private final AdminSessions sessions;
    private final SshAdmin ssh;
    private AdminSocket socket;

    AdminAccess(ServerConfig config, ServerAccess server, AdminSession own) {
        this.config = config;
        this.sessions = new AdminSessions(server, config.nodeName(), own);
        this.ssh = new SshAdmin(new AdminKeys(config.adminKeysFile()), sessions);
    }

    AdminSessions sessions() {
        return sessions;
    }

    SshAdmin ssh() {
        return ssh;
    }

    /**
     * Listens on the admin socket. When it cannot, at the default place, it says why and the
     * server goes on without it; at a place or for a group the admin chose, the server does not
     * start (like a port chosen that cannot be had).
     */
    void openSocket() throws StartException {
        Path path = config.adminSocketFile();
        String group = config.adminGroup();
        try {
            socket = AdminSocket.open(path, group, sessions);
        } catch (IOException e) {
            if (config.adminSocket() != null || group != null)
                throw new StartException("Admin socket: " + e.getMessage(), false, e);
            sessions.event(Event.warn(
                    "admin_socket_failed",
                    "Admin socket: " + e.getMessage() + "; chatroom admin console cannot attach."));
            return;
        }
        if (group == null) return;
        try {
            Path closed = socket.closedTo(group);
            if (closed != null)
                sessions.event(Event.warn(
                        "admin_socket_unreachable",
                        "Admin socket: WARNING: members of " + group + " cannot pass through " + closed + " to reach "
                                + path + "; give admin-socket a place they can reach, such as"
                                + " /run/chatroom/admin.sock in a directory of that group."));
        } catch (IOException e) {
            // only a warning we could not check
        }
    }

    /**
     * How an admin can reach the console now, besides the server's own terminal, as commands to
     * type: "chatroom admin console --data-dir /srv/chatroom-data", "ssh -p 2022 admin@host", "OPER".
     */
    List<String> ways(int sshPort) {
        List<String> ways = new ArrayList<>();
        if (socket != null)
            ways.add(
                    config.adminSocket() == null
                            ? "chatroom admin console --data-dir "
                                    + config.dataDir().toAbsolutePath().normalize()
                            : "chatroom admin console --socket " + socket.path());
        if (sshPort != ServerConfig.OFF && anyKey())
            ways.add("ssh -p " + sshPort + " admin@" + (config.host().equals("0.0.0.0") ? "this-host" : config.host()));
        if (!config.opers().isEmpty()) ways.add("OPER");
        return ways;
    }

    private boolean anyKey() {
        try {
            return !ssh.keys().read().isEmpty();
        } catch (IOException e) {
            sessions.event(Event.warn(
                    "admin_keys_unreadable", "Admin keys: " + e.getMessage() + "; no key opens the console over ssh."));
            return false;
        }
    }

    /** The attached consoles are told the server stops, and let go. */
    @Override
    public void close() {
        sessions.closing();
        if (socket != null) socket.close();
    }
}

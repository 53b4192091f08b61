package dev.chatroom.launch;

import dev.chatroom.attach.AdminSocket;
import dev.chatroom.config.ServerConfig;
import dev.chatroom.server.ServerAccess;
import dev.chatroom.server.console.AdminSession;
import dev.chatroom.server.console.AdminSessions;
import dev.chatroom.ssh.AdminKeys;
import dev.chatroom.ssh.SshAdmin;
import java.io.IOException;
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

    /** Listens on admin.sock; when it cannot, says why, and the server goes on without it. */
    void openSocket() {
        try {
            socket = AdminSocket.open(config.dataDir(), sessions);
        } catch (IOException e) {
            sessions.event("Admin socket: " + e.getMessage() + "; chatroom admin console cannot attach.");
        }
    }

    /**
     * How an admin can reach the console now, besides the server's own terminal, as commands to
     * type: "chatroom admin console --data-dir /srv/chatroom-data", "ssh -p 2022 admin@host".
     */
    List<String> ways(int sshPort) {
        List<String> ways = new ArrayList<>();
        if (socket != null)
            ways.add("chatroom admin console --data-dir "
                    + config.dataDir().toAbsolutePath().normalize());
        if (sshPort != ServerConfig.OFF && anyKey())
            ways.add("ssh -p " + sshPort + " admin@" + (config.host().equals("0.0.0.0") ? "this-host" : config.host()));
        return ways;
    }

    private boolean anyKey() {
        try {
            return !ssh.keys().read().isEmpty();
        } catch (IOException e) {
            sessions.event("Admin keys: " + e.getMessage() + "; no key opens the console over ssh.");
            return false;
        }
    }

    /** The attached consoles are told the server stops, and let go. */
    @Override
    public void close() {
        if (socket != null) socket.close();
    }
}

package dev.chatroom.server.net;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.log.EventSink;
import dev.chatroom.ssh.SshAdmin;
import dev.chatroom.ssh.SshListener;
import io.netty.channel.Channel;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server's ssh side: the SSH listener, whose sessions run the chat client in this process,
 * and the gateway those clients connect to, which believes only connections that introduce
 * themselves with this run's secret. The gateway is a Unix domain socket in a directory only
 * this user can enter ({@link PrivateSocket}), not a port on 127.0.0.1: any process on the
 * machine could hold connections to a port, outside max-clients and max-per-ip, while the
 * system refuses other users a connection to the socket before the server sees it. (Netty's
 * in-process transport would be tighter still, but cannot share the epoll event loop that
 * serves every other connection.)
 */
public final class SshGateway implements AutoCloseable {
    private final Channel gateway;
    private final PrivateSocket socket;
    private final SshListener ssh;

    private SshGateway(Channel gateway, PrivateSocket socket, SshListener ssh) {
        this.gateway = gateway;
        this.socket = socket;
        this.ssh = ssh;
    }

    /** Gateway listens, for a secret, on a Unix domain socket at the path (its connections' handlers check the secret). */
    interface Gateway {
        Channel bind(Path socket, String secret) throws InterruptedException;
    }

    static SshGateway start(ServerConfig config, Gateway gatewayFor, SshAdmin admin, EventSink events)
            throws IOException, InterruptedException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        PrivateSocket socket = PrivateSocket.create();
        Channel gateway;
        try {
            gateway = gatewayFor.bind(socket.path(), secret);
        } catch (InterruptedException | RuntimeException e) {
            socket.close();
            throw e;
        }
        try {
            socket.ownerOnly();
            return new SshGateway(
                    gateway,
                    socket,
                    SshListener.start(
                            config.host(),
                            config.sshPort(),
                            config.dataDir(),
                            socket.path(),
                            secret,
                            config.serverName(),
                            config.pingInterval(),
                            config.maxPerIp(),
                            admin,
                            events));
        } catch (IOException | RuntimeException e) {
            gateway.close().awaitUninterruptibly();
            socket.close();
            throw e;
        }
    }

    public int port() {
        return ssh.port();
    }

    public String fingerprint() {
        return ssh.fingerprint();
    }

    /** No new sessions, no new gateway connections. */
    public void stopListening() {
        gateway.close().awaitUninterruptibly();
        socket.close();
    }

    /** Ends the sessions still open (their clients have been told by then). */
    @Override
    public void close() {
        ssh.close();
    }
}

package dev.chatroom.server.net;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.log.EventSink;
import dev.chatroom.ssh.SshAdmin;
import dev.chatroom.ssh.SshListener;
import io.netty.channel.Channel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server's ssh side: the SSH listener, whose sessions run the chat client in this process,
 * and the gateway listener on 127.0.0.1 those clients connect to, which believes only
 * connections that introduce themselves with this run's secret.
 */
public final class SshGateway implements AutoCloseable {
    private final Channel gateway;
    private final SshListener ssh;

    private SshGateway(Channel gateway, SshListener ssh) {
        this.gateway = gateway;
        this.ssh = ssh;
    }

    /** Gateway listens, for a secret, on 127.0.0.1 (its connections' handlers check the secret). */
    interface Gateway {
        Channel bind(String secret) throws InterruptedException;
    }

    static SshGateway start(ServerConfig config, Gateway gatewayFor, SshAdmin admin, EventSink events)
            throws IOException, InterruptedException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Channel gateway = gatewayFor.bind(secret);
        try {
            int port = ((InetSocketAddress) gateway.localAddress()).getPort();
            return new SshGateway(
                    gateway,
                    SshListener.start(
                            config.host(),
                            config.sshPort(),
                            config.dataDir(),
                            port,
                            secret,
                            config.serverName(),
                            config.pingInterval(),
                            config.maxPerIp(),
                            admin,
                            events));
        } catch (IOException | RuntimeException e) {
            gateway.close().awaitUninterruptibly();
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
    }

    /** Ends the sessions still open (their clients have been told by then). */
    @Override
    public void close() {
        ssh.close();
    }
}

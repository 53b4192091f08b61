package dev.chatroom.server.net;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.server.EventSink;
import dev.chatroom.ssh.SshListener;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Function;

/**
 * The server's ssh side: the SSH listener, whose sessions run the chat client in this process,
 * and the gateway listener on 127.0.0.1 those clients connect to, which believes only
 * connections that introduce themselves with this run's secret.
 */
final class SshGateway implements AutoCloseable {
    private final Channel gateway;
    private final SshListener ssh;

    private SshGateway(Channel gateway, SshListener ssh) {
        this.gateway = gateway;
        this.ssh = ssh;
    }

    /** bootstrapFor makes the gateway's bootstrap for a secret (its connections' handlers check it). */
    static SshGateway start(ServerConfig config, Function<String, ServerBootstrap> bootstrapFor, EventSink events) throws IOException, InterruptedException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Channel gateway = bootstrapFor.apply(secret).bind("127.0.0.1", 0).sync().channel();
        try {
            int port = ((InetSocketAddress) gateway.localAddress()).getPort();
            return new SshGateway(gateway, SshListener.start(config.host(), config.sshPort(), config.dataDir(), port, secret, config.serverName(),
                    config.pingInterval(), config.maxPerIp(), events));
        } catch (IOException | RuntimeException e) {
            gateway.close().awaitUninterruptibly();
            throw e;
        }
    }

    int port() {
        return ssh.port();
    }

    String fingerprint() {
        return ssh.fingerprint();
    }

    /** No new sessions, no new gateway connections. */
    void stopListening() {
        gateway.close().awaitUninterruptibly();
    }

    /** Ends the sessions still open (their clients have been told by then). */
    @Override
    public void close() {
        ssh.close();
    }
}

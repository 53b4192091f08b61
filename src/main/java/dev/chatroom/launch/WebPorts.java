package dev.chatroom.launch;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.server.net.Listeners;
import io.netty.channel.Channel;
import java.io.IOException;
import java.net.InetSocketAddress;

/** The WebSocket listeners a server runs (web-port, web-tls-port): each where it is set, or none. */
public final class WebPorts {
    static final WebPorts NONE = new WebPorts(null, null);

    private final Channel plain;
    private final Channel secure;

    private WebPorts(Channel plain, Channel secure) {
        this.plain = plain;
        this.secure = secure;
    }

    /**
     * Listens on the ports set. A port that cannot be had stops the start (there is no default port
     * to do without): the server is stopped with failed, and the reason thrown.
     */
    static WebPorts bind(Listeners listeners, ServerConfig config, Runnable failed) throws StartException {
        Channel plain = null;
        try {
            plain = config.webPort() == ServerConfig.OFF ? null : listeners.bindWeb(config.webPort(), false);
            Channel secure =
                    config.webTlsPort() == ServerConfig.OFF ? null : listeners.bindWeb(config.webTlsPort(), true);
            return new WebPorts(plain, secure);
        } catch (IOException e) {
            if (plain != null) plain.close().awaitUninterruptibly();
            failed.run();
            throw new StartException(e.getMessage(), false, e);
        }
    }

    /** The plain WebSocket port listened on; {@link ServerConfig#OFF} when none. */
    public int port() {
        return port(plain);
    }

    /** The WebSocket port over TLS listened on; {@link ServerConfig#OFF} when none. */
    public int tlsPort() {
        return port(secure);
    }

    private static int port(Channel c) {
        return c == null ? ServerConfig.OFF : ((InetSocketAddress) c.localAddress()).getPort();
    }

    /** Stops accepting; the connections stay until the server closes them. */
    void close() {
        if (plain != null) plain.close().awaitUninterruptibly();
        if (secure != null) secure.close().awaitUninterruptibly();
    }
}

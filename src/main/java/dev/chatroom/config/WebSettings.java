package dev.chatroom.config;

import java.util.List;

/**
 * The WebSocket listener's settings, one value of {@link Settings}: changed with
 * {@code settings.web(w -> w.port(8080))}.
 *
 * @param port the plain WebSocket port; {@link ServerConfig#OFF} for none
 * @param tlsPort the WebSocket port over TLS; {@link ServerConfig#OFF} for none
 * @param origins the pages that may connect ("*": any); empty: the listener's own only
 * @param trustedProxies the proxies (address/length) whose X-Forwarded-For names the client
 */
public record WebSettings(int port, int tlsPort, List<String> origins, List<String> trustedProxies) {
    static final WebSettings OFF = new WebSettings(ServerConfig.OFF, ServerConfig.OFF, List.of(), List.of());

    public WebSettings {
        origins = List.copyOf(origins);
        trustedProxies = List.copyOf(trustedProxies);
    }

    public WebSettings port(int v) {
        return new WebSettings(v, tlsPort, origins, trustedProxies);
    }

    public WebSettings tlsPort(int v) {
        return new WebSettings(port, v, origins, trustedProxies);
    }

    public WebSettings origins(List<String> v) {
        return new WebSettings(port, tlsPort, v, trustedProxies);
    }

    public WebSettings trustedProxies(List<String> v) {
        return new WebSettings(port, tlsPort, origins, v);
    }
}

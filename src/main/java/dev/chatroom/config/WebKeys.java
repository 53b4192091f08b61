package dev.chatroom.config;

/** The settings of the WebSocket listener, in {@link ConfigKeys}'s order: a class of their own, so neither file grows too long. */
final class WebKeys {
    private WebKeys() {}

    static void add(String net) {
        ConfigKeys.key(
                "web-port",
                net,
                "PORT|off",
                "WebSocket port for browsers (IRCv3 websocket: ws://host:PORT/), which also serves the web page at /; 0 picks a free one; off for none.",
                c -> Values.formatPort(c.webPort()),
                (b, v) -> b.web(w -> w.port(Values.port(v))));
        ConfigKeys.key(
                "web-tls-port",
                net,
                "PORT|off",
                "The same over TLS with the server's certificate (wss://host:PORT/); 0 picks a free one; off for none.",
                c -> Values.formatPort(c.webTlsPort()),
                (b, v) -> b.web(w -> w.tlsPort(Values.port(v))));
        ConfigKeys.list(
                "web-origins",
                net,
                "ORIGIN",
                "Web pages (https://host[:port]) that may open a WebSocket, or * for any; unset: only the listener's own pages. A request without Origin (not a browser) is allowed.",
                c -> Values.format(c.webOrigins()),
                (b, v) -> b.web(w -> w.origins(Values.origins(v))));
        ConfigKeys.list(
                "trusted-proxies",
                net,
                "ADDRESS[/LEN]",
                "Reverse proxies (addresses or blocks, 10.0.0.0/8) whose X-Forwarded-For header gives a WebSocket client's address; the header is ignored from anyone else.",
                c -> Values.format(c.trustedProxies()),
                (b, v) -> b.web(w -> w.trustedProxies(Values.cidrs(v))));
    }
}

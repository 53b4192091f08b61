package dev.chatroom.config;

/** An address to listen on with its port, as written: {@code 127.0.0.1:9177}, {@code [::1]:9177}, {@code localhost:0}. */
public record HostPort(String host, int port) {
    /** Reads HOST:PORT, an IPv6 address in brackets; the port may be 0 (any free one). */
    public static HostPort parse(String v) {
        String s = v.strip();
        int colon = s.lastIndexOf(':');
        String host = colon < 0 ? "" : s.substring(0, colon);
        String port = s.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        else if (host.contains(":")) host = ""; // an IPv6 address without brackets: where its port starts is a guess
        if (host.isEmpty()
                || host.chars().anyMatch(c -> c <= ' ' || c == '[' || c == ']' || c == '/')
                || !port.matches("[0-9]{1,5}"))
            throw new IllegalArgumentException(
                    "must be HOST:PORT such as 127.0.0.1:9177 or [::1]:9177, not '" + v + "'");
        int p = Integer.parseInt(port);
        if (p > 65535) throw new IllegalArgumentException("must have a port between 0 and 65535, not " + p);
        return new HostPort(host, p);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}

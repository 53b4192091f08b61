package dev.chatroom.server.net;

import java.util.List;
import java.util.Locale;

/**
 * Which web pages may open a WebSocket to the server (the web-origins setting). A browser sends the
 * page's Origin with every upgrade, and lets any page connect anywhere, so without this check any
 * site a user visits could chat in their name from their address. Unset, only the listener's own
 * pages may: an Origin whose host and port are those the browser reached the listener by (its
 * Host header, which a reverse proxy passes on). A request without Origin does not come from a page.
 */
final class WebOrigins {
    private final List<String> allowed;

    /** allowed: origins as {@code Values.origins} writes them ("*": any); empty for the listener's own. */
    WebOrigins(List<String> allowed) {
        this.allowed = allowed;
    }

    boolean allows(String origin, String host) {
        if (origin == null || allowed.contains("*")) return true;
        String o = origin.strip().toLowerCase(Locale.ROOT);
        if (o.endsWith("/")) o = o.substring(0, o.length() - 1);
        if (!allowed.isEmpty()) return allowed.contains(o);
        int scheme = o.indexOf("://");
        if (scheme < 0 || host == null) return false; // "null": a sandboxed page or a file
        return withoutDefaultPort(o.substring(scheme + 3))
                .equals(withoutDefaultPort(host.strip().toLowerCase(Locale.ROOT)));
    }

    /** host:80 and host:443 as host: the port a URL leaves out, whichever scheme the proxy in front speaks. */
    private static String withoutDefaultPort(String authority) {
        if (authority.endsWith(":80")) return authority.substring(0, authority.length() - 3);
        if (authority.endsWith(":443")) return authority.substring(0, authority.length() - 4);
        return authority;
    }
}

package dev.chatroom.server.console;

import java.util.Set;
import java.util.function.Function;

import dev.chatroom.server.Connection;
import dev.chatroom.server.Hub;

/**
 * Which console lines change what every node of a cluster holds (an answer to a request, a
 * kick, a ban, a mode, an account's allow-list entry): those run on every node, in the
 * cluster's order, so the first answer to a request wins everywhere. The others (reports,
 * /purge of the shared history, /resetpass, /shutdown) stay on this node.
 */
final class ClusterRelay {
    private static final Set<String> SHARED = Set.of("/accept", "/reject", "/kick", "/ban", "/unban", "/mute", "/unmute", "/say",
            "/op", "/deop", "/voice", "/devoice", "/drop", "/allow", "/deny", "/unlink");

    private ClusterRelay() {}

    /** The line to run on every node, or null to run it here only. y/n/a name the request they answer, oldest here. */
    static String line(String verb, String input, String arg, String text, java.util.function.Function<Function<Hub, Object>, Object> onLoop) {
        switch (verb) {
            case "y", "yes", "n", "no", "a", "always" -> {
                Object oldest = onLoop.apply(hub -> {
                    Connection c = hub.gate().approvals().oldest();
                    return c == null ? null : c.nick();
                });
                if (oldest == null) return null;
                if (verb.startsWith("n")) return "/reject " + oldest;
                return "/accept " + oldest + (verb.startsWith("a") ? " always" : "");
            }
            case "/topic" -> {
                return text.isEmpty() || text.startsWith("#") && text.indexOf(' ') < 0 ? null : input;
            }
            case "/mode" -> {
                String[] words = text.isEmpty() ? new String[0] : text.split("\\s+");
                int modes = words.length > 0 && words[0].startsWith("#") ? 1 : 0;
                return words.length > modes ? input : null;
            }
            default -> {
                return SHARED.contains(verb) && arg != null ? input : null;
            }
        }
    }
}

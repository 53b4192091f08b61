package dev.chatroom.server.console;

import dev.chatroom.server.Connection;
import dev.chatroom.server.Hub;

/** The admin's answers to join requests, and the next request to show. */
final class Approving {
    private Approving() {}

    static String answerOldest(Hub hub, boolean accept) {
        Connection oldest = hub.gate().approvals().oldest();
        if (oldest == null) return "No one is waiting.";
        return answer(hub, oldest, accept, null);
    }

    static String accept(Hub hub, String nick) {
        Connection c = findPending(hub, nick);
        return c == null ? "No request from " + nick + ". Type /pending." : answer(hub, c, true, null);
    }

    static String reject(Hub hub, String nick, String reason) {
        Connection c = findPending(hub, nick);
        return c == null ? "No request from " + nick + ". Type /pending." : answer(hub, c, false, reason);
    }

    private static String answer(Hub hub, Connection c, boolean accept, String reason) {
        String result = "";
        if (accept) {
            hub.gate().accept(c);
        } else {
            hub.gate().reject(c, reason);
            result = "Rejected " + c.nick() + ".";
        }
        Connection next = hub.gate().approvals().oldest();
        if (next == null) return result;
        int others = hub.gate().approvals().size() - 1;
        String ask = "Next: " + next.nick() + " (" + next.host() + ") wants to join. Accept? [y/n]"
                + (others == 0 ? "" : " (" + others + " more waiting)");
        return result.isEmpty() ? ask : result + "\n" + ask;
    }

    private static Connection findPending(Hub hub, String nick) {
        Connection c = hub.users().find(nick);
        return c != null && c.state() == Connection.State.PENDING ? c : null;
    }
}

package dev.chatroom.server;

import dev.chatroom.server.output.Replies;

/**
 * What this node's IRC operators (user mode +o) are told, as server notices: each join request
 * as it comes (from any node of a cluster), those already waiting when they become operators,
 * and what became of each (accepted or rejected and by whom, expired, given up), so that they
 * can answer requests as the admin console does. Operators are found by their mode: there is no
 * second list of them to keep right.
 */
public final class OperatorNotices {
    private final Hub hub;

    OperatorNotices(Hub hub) {
        this.hub = hub;
    }

    /** c asks to join. */
    public void requested(Connection c) {
        tell(request(c));
    }

    /** The requests waiting, oldest first, for someone who just became an operator. */
    void waiting(Replies r) {
        for (Connection c : hub.gate().approvals().inOrder()) r.notice(request(c));
    }

    /** c was let in: by is an operator's nick, or null for the admin console. */
    void accepted(Connection c, String by) {
        tell("*** " + c.nick() + " was accepted by " + answerer(by) + ".");
    }

    /** c was turned away (reason: null for none). */
    void rejected(Connection c, String reason, String by) {
        tell("*** " + c.nick() + " was rejected by " + answerer(by) + (reason == null ? "." : ": " + reason.strip()));
    }

    /** A request ended unanswered, as the console tells it ("The request of bob expired unanswered."). */
    void ended(String text) {
        tell("*** " + text);
    }

    private static String answerer(String by) {
        return by == null ? "the admin" : by;
    }

    private static String request(Connection c) {
        String nick = c.nick();
        return "*** " + nick + " (" + Gate.who(c) + ") wants to join: APPROVE " + nick + " or REJECT " + nick
                + " [reason]";
    }

    private void tell(String text) {
        for (Connection c : hub.users().all()) {
            if (!c.isRemote() && c.isRegistered() && c.person().has(UserMode.OPERATOR))
                hub.output().replies(c).notice(text).flush();
        }
    }
}

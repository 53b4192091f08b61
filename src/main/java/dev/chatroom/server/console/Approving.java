package dev.chatroom.server.console;

import dev.chatroom.server.BanList;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Gate;
import dev.chatroom.server.Hub;
import dev.chatroom.store.AllowEntry;

/** The admin's answers to join requests, and the next request to show. */
final class Approving {
    private Approving() {}

    /** y */
    static String acceptOldest(Hub hub) {
        return answerOldest(hub, true, false);
    }

    /** n */
    static String rejectOldest(Hub hub) {
        return answerOldest(hub, false, false);
    }

    /** a: accepts, and lets its account (or ssh key) skip the queue from then on. */
    static String allowOldest(Hub hub) {
        return answerOldest(hub, true, true);
    }

    private static String answerOldest(Hub hub, boolean accept, boolean always) {
        Connection oldest = hub.gate().approvals().oldest();
        if (oldest == null) return "No one is waiting.";
        return answer(hub, oldest, accept, always, null, null);
    }

    /** /accept <nick> [always] */
    static String accept(ConsoleLine line, Hub hub) {
        if (line.rest() != null && !line.rest().strip().equalsIgnoreCase("always")) return line.usage();
        Connection c = findPending(hub, line.arg());
        return c == null
                ? "No request from " + line.arg() + ". Type /pending."
                : answer(hub, c, true, line.rest() != null, null, line.by());
    }

    /** /reject <nick> [reason] */
    static String reject(ConsoleLine line, Hub hub) {
        Connection c = findPending(hub, line.arg());
        return c == null
                ? "No request from " + line.arg() + ". Type /pending."
                : answer(hub, c, false, false, line.rest(), line.by());
    }

    /**
     * Accepting always puts the account on the allow list; someone without an account can only be
     * accepted this once. by: who answers, as IRC operators are told (null: the admin console).
     */
    private static String answer(Hub hub, Connection c, boolean accept, boolean always, String reason, String by) {
        String result = "";
        if (accept) {
            String account = c.account();
            hub.gate().accept(c, by);
            if (always && account != null) {
                result = AccountAdmin.allowAccount(hub, account);
            } else if (always && c.sshKey() != null) {
                hub.logins()
                        .accounts()
                        .remember(new AllowEntry(
                                BanList.keyHost(c.sshKey()),
                                true,
                                null,
                                hub.clock().millis()));
                result = "Allowed " + c.nick() + "'s ssh key " + c.sshKey() + ": it skips the queue from now on.";
            } else if (always) {
                result = c.nick() + " has no account: accepted this time only. (They can /register, then you /allow "
                        + c.nick() + ".)";
            }
        } else {
            hub.gate().reject(c, reason, by);
            result = "Rejected " + c.nick() + ".";
        }
        Connection next = hub.gate().approvals().oldest();
        if (next == null || by != null) return result; // operators had each request as a notice: no y/n/a for them
        int others = hub.gate().approvals().size() - 1;
        String ask = "Next: " + next.nick() + " (" + Gate.who(next) + ") wants to join. Accept? [y/n/a]"
                + (others == 0 ? "" : " (" + others + " more waiting)");
        return result.isEmpty() ? ask : result + "\n" + ask;
    }

    private static Connection findPending(Hub hub, String nick) {
        Connection c = hub.users().find(nick);
        return c != null && c.state() == Connection.State.PENDING ? c : null;
    }
}

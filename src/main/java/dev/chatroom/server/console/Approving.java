package dev.chatroom.server.console;

import dev.chatroom.server.BanList;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Hub;
import dev.chatroom.store.AllowEntry;

/**
 * The admin's answers to join requests. What is asked next is not part of an answer: every
 * admin's question follows the queue ({@link AdminSessions}).
 */
final class Approving {
    private Approving() {}

    /** y */
    static String acceptOldest(ConsoleLine line, Hub hub) {
        return answerOldest(line, hub, true, false);
    }

    /** n */
    static String rejectOldest(ConsoleLine line, Hub hub) {
        return answerOldest(line, hub, false, false);
    }

    /** a: accepts, and lets its account (or ssh key) skip the queue from then on. */
    static String allowOldest(ConsoleLine line, Hub hub) {
        return answerOldest(line, hub, true, true);
    }

    private static String answerOldest(ConsoleLine line, Hub hub, boolean accept, boolean always) {
        Connection oldest = hub.gate().approvals().oldest();
        if (oldest == null) return "No one is waiting.";
        return answer(line, hub, oldest, accept, always, null);
    }

    /** /accept <nick> [always] */
    static String accept(ConsoleLine line, Hub hub) {
        if (line.rest() != null && !line.rest().strip().equalsIgnoreCase("always")) return line.usage();
        Connection c = findPending(hub, line.arg());
        return c == null
                ? "No request from " + line.arg() + ". Type /pending."
                : answer(line, hub, c, true, line.rest() != null, null);
    }

    /** /reject <nick> [reason] */
    static String reject(ConsoleLine line, Hub hub) {
        Connection c = findPending(hub, line.arg());
        return c == null
                ? "No request from " + line.arg() + ". Type /pending."
                : answer(line, hub, c, false, false, line.rest());
    }

    /** Accepting always puts the account on the allow list; someone without an account can only be accepted this once. */
    private static String answer(
            ConsoleLine line, Hub hub, Connection c, boolean accept, boolean always, String reason) {
        String nick = c.nick();
        if (!accept) {
            hub.gate().reject(c, reason, line.by());
            return line.changed("Rejected " + nick + ".", "rejected " + nick + (reason == null ? "" : ": " + reason));
        }
        String account = c.account();
        hub.gate().accept(c, line.by());
        if (!always) return line.changed("", "accepted " + nick);
        if (account != null)
            return line.changed(
                    AccountAdmin.allowAccount(line, hub, account), "accepted " + nick + " and allowed " + account);
        if (c.sshKey() != null) {
            hub.logins()
                    .accounts()
                    .remember(new AllowEntry(
                            BanList.keyHost(c.sshKey()), true, null, hub.clock().millis()));
            return line.changed(
                    "Allowed " + nick + "'s ssh key " + c.sshKey() + ": it skips the queue from now on.",
                    "accepted " + nick + " and allowed their ssh key");
        }
        return line.changed(
                nick + " has no account: accepted this time only. (They can /register, then you /allow " + nick + ".)",
                "accepted " + nick);
    }

    private static Connection findPending(Hub hub, String nick) {
        Connection c = hub.users().find(nick);
        return c != null && c.state() == Connection.State.PENDING ? c : null;
    }
}

package dev.chatroom.server;

import dev.chatroom.irc.Message;
import dev.chatroom.log.Event;
import dev.chatroom.server.output.Replies;
import dev.chatroom.store.Account;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Changing an account's password (SETPASS, ours). It takes the current password, so a session left
 * open cannot be used to take the account over; just the new one does only within
 * {@link #RECENT_LOGIN} of proving the password on this connection (a password login, a
 * /resetpass one-time login, REGISTER). A wrong current password counts as a failed login. The
 * check and the new hash are one {@link PasswordRequests} request.
 */
public final class PasswordChange {
    /** How long after proving the password on a connection the new one alone will do. */
    public static final Duration RECENT_LOGIN = Duration.ofMinutes(5);

    private static final String ATTEMPT = "password change of account";
    private static final String LOG_IN_FIRST = "Log in first (or /register)";

    private final Hub hub;
    private final Logins logins;

    PasswordChange(Hub hub, Logins logins) {
        this.hub = hub;
        this.logins = logins;
    }

    /** SETPASS &lt;current password&gt; &lt;new password&gt;, or SETPASS &lt;new password&gt; (current null). */
    public void setPassword(Connection c, String current, String password, Replies r) {
        Account a = logins.accounts().find(c.account());
        if (a == null) {
            r.standard("FAIL", "SETPASS", "ACCOUNT_REQUIRED", "*", LOG_IN_FIRST);
            return;
        }
        if (PasswordRules.refused(hub, c, "SETPASS", a.name(), password, r)) return;
        long now = hub.clock().nanos();
        if (current == null && !c.credentials().passwordProvedWithin(RECENT_LOGIN.toNanos(), now)) {
            r.standard(
                    "FAIL",
                    "SETPASS",
                    "NEED_CURRENT_PASSWORD",
                    a.name(),
                    "Give your current password too: SETPASS <current> <new>");
            return;
        }
        PasswordRequests requests = logins.requests();
        requests.hold(c);
        if (current != null) {
            String refusal = requests.refusal(c, a.key());
            if (refusal != null) {
                requests.refused(c, a.name(), ATTEMPT, refusal, fail(a, "TEMPORARILY_UNAVAILABLE", refusal));
                return;
            }
        }
        String oldHash = a.passwordHash();
        requests.hash(
                c,
                () -> current == null || (oldHash != null && logins.hasher().matches(current, oldHash))
                        ? logins.hasher().hash(password)
                        : null,
                hash -> {
                    Account still = logins.accounts().find(a.name());
                    if (still == null || c.account() == null) { // dropped meanwhile
                        requests.answer(c, fail(a, "ACCOUNT_REQUIRED", LOG_IN_FIRST));
                    } else if (hash == null) {
                        requests.failed(
                                c,
                                a.name(),
                                a.key(),
                                ATTEMPT,
                                fail(a, "WRONG_PASSWORD", "That is not your current password"));
                    } else {
                        changed(c, still, hash);
                    }
                },
                () -> requests.answer(
                        c, fail(a, "TEMPORARILY_UNAVAILABLE", "The server is busy; try again in a moment")));
    }

    private void changed(Connection c, Account a, String hash) {
        logins.accounts().update(a.withPassword(hash, false));
        hub.events()
                .event(Event.info(
                                "password_changed",
                                "Account " + a.name() + " changed its password (from " + c.host() + ")")
                        .account(a.name())
                        .address(c.host()));
        logins.requests()
                .answer(
                        c,
                        rr -> rr.add(Message.trailing(
                                hub.serverName(), "SETPASS", "SUCCESS", a.name(), "Password changed")));
    }

    private static Consumer<Replies> fail(Account a, String code, String text) {
        return rr -> rr.standard("FAIL", "SETPASS", code, a.name(), text);
    }
}

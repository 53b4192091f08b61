package dev.chatroom.server;

import dev.chatroom.log.Event;
import dev.chatroom.server.accounts.LoginThrottle;
import dev.chatroom.server.output.Replies;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Requests that check or hash a password (SASL PLAIN, REGISTER, SETPASS), answered later: from
 * {@link #hold} to {@link #answer} the connection's registration waits, and so do the lines it
 * sends meanwhile, so every request gets exactly one answer and answers come in the order the
 * lines were sent, through the hashing and the failure delay. Hashing takes turns in
 * {@link PasswordWork}; a failure is counted by {@link LoginThrottle}, logged for the admin, and
 * answered only after its delay.
 */
final class PasswordRequests {
    private final Hub hub;
    private final PasswordWork work;
    private final LoginThrottle throttle = new LoginThrottle();

    PasswordRequests(Hub hub, Background background) {
        this.hub = hub;
        this.work = new PasswordWork(background, hub.clock());
    }

    /** The line c sent is answered later, by {@link #answer}. */
    void hold(Connection c) {
        c.credentials().checking(true);
        c.awaitAnswer();
    }

    /** The answer to c's held line; then the registration gate looks again and c's next lines go on. */
    void answer(Connection c, Consumer<Replies> reply) {
        c.credentials().checking(false);
        if (!c.isClosed()) {
            Replies r = hub.output().replies(c);
            reply.accept(r);
            r.flush();
            hub.tryRegister(c);
        }
        c.answered();
    }

    /**
     * Hashing for c's held line, in its address's turn: then with its result, or busy when there is
     * no room for it or c closed meanwhile (busy must {@link #answer} the line).
     */
    <T> void hash(Connection c, Supplier<T> hashing, Consumer<T> then, Runnable busy) {
        work.submit(c, hashing, then, busy);
    }

    /** Why a password of accountKey may not be checked for c now; null when it may. */
    String refusal(Connection c, String accountKey) {
        return throttle.refusal(c.address().limitKey(), accountKey, hub.clock().nanos());
    }

    /**
     * A wrong password for account, on c's held line: counted, logged ("Failed " + attempt, such as
     * "login to account"), and failure answered after the delay its (account, address) has earned.
     */
    void failed(Connection c, String account, String accountKey, String attempt, Consumer<Replies> failure) {
        LoginThrottle.Failure f =
                throttle.failed(c.address().limitKey(), accountKey, hub.clock().nanos());
        hub.stats().loginFailed();
        hub.events()
                .event(Event.warn(
                                "login_failed",
                                "Failed " + attempt + " " + account + " from " + c.host() + " (" + f.fromAddress()
                                        + " from this address, " + f.toAccount() + " to this account in 10 minutes)")
                        .nick(c.nick())
                        .account(account)
                        .address(c.host())
                        .reason("wrong_password")
                        .with("failures_from_address", f.fromAddress())
                        .with("failures_to_account", f.toAccount()));
        hub.clock().schedule(() -> answer(c, failure), f.delayNanos());
    }

    /** A check not even tried (see {@link #refusal}): logged, not counted, answered after the first delay. */
    void refused(Connection c, String account, String attempt, String why, Consumer<Replies> failure) {
        hub.stats().loginFailed();
        hub.events()
                .event(Event.warn(
                                "login_refused",
                                "Refused " + attempt + " " + account + " from " + c.host() + ": " + why)
                        .nick(c.nick())
                        .account(account)
                        .address(c.host())
                        .reason(why));
        hub.clock().schedule(() -> answer(c, failure), LoginThrottle.FAILURE_DELAY_NANOS);
    }

    /** c logged in to accountKey (by any means): its address is the owner's from now on. */
    void succeeded(Connection c, String accountKey) {
        throttle.succeeded(accountKey, c.address().limitKey());
    }
}

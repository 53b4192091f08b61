package dev.chatroom.server;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Message;
import dev.chatroom.server.accounts.Accounts;
import dev.chatroom.server.output.Replies;
import dev.chatroom.store.Account;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Creating an account (IRCv3 draft/account-registration: REGISTER, before or after connection
 * registration) and changing its password (SETPASS). An account is named after the nick it
 * protects. Passwords travel only over TLS or loopback, are hashed off the loop, and never
 * appear in a log or a reply.
 */
public final class AccountRegistration {
    public static final int MIN_PASSWORD = 8;
    /** Bytes: the draft's advice, so a password fits in any line that may carry it. */
    public static final int MAX_PASSWORD = 300;

    /** Accounts one address may create per hour: enough for a family behind one router, too few to reserve every name. */
    public static final int PER_ADDRESS_PER_HOUR = 3;

    private static final long HOUR_NANOS = 3_600_000_000_000L;

    private final Hub hub;
    private final Logins logins;
    /** Recent registrations per address: their times, oldest first. */
    private final Map<String, ArrayDeque<Long>> recent = new HashMap<>();

    AccountRegistration(Hub hub, Logins logins) {
        this.hub = hub;
        this.logins = logins;
    }

    // REGISTER <account> <email|*> <password>   (the older draft: REGISTER <email|*> <password>)
    public void register(Connection c, String accountName, String password, Replies r) {
        Credentials cr = c.credentials();
        if (cr.checking()) return;
        cr.exchange(null); // a SASL exchange left open would hold registration
        if (c.account() != null) {
            r.standard(
                    "FAIL",
                    "REGISTER",
                    "ALREADY_AUTHENTICATED",
                    c.account(),
                    "You are already logged in as " + c.account());
            return;
        }
        String nick = c.nick();
        if (nick == null) {
            r.standard("FAIL", "REGISTER", "NEED_NICK", "*", "Choose a nick first: the account takes its name");
            return;
        }
        String name = accountName == null || accountName.equals("*") ? nick : accountName;
        if (!Casemapping.equals(name, nick)) {
            r.standard(
                    "FAIL",
                    "REGISTER",
                    "ACCOUNT_NAME_MUST_BE_NICK",
                    name,
                    "An account is named after your nick: register as * or change your nick first");
            return;
        }
        Accounts accounts = logins.accounts();
        if (accounts.find(name) != null) {
            taken(r, name);
            return;
        }
        if (refusedPassword(c, "REGISTER", name, password, r)) return;
        if (!mayRegister(c.address().limitKey())) {
            hub.events()
                    .event("Registration of " + name + " from " + c.host() + " refused: " + PER_ADDRESS_PER_HOUR
                            + " accounts from there this hour");
            r.standard(
                    "FAIL",
                    "REGISTER",
                    "TEMPORARILY_UNAVAILABLE",
                    name,
                    "Too many accounts registered from your address; try again in an hour");
            return;
        }
        cr.checking(true);
        logins.background()
                .run(
                        () -> logins.hasher().hash(password),
                        hash -> {
                            if (c.isClosed()
                                    || accounts.find(name) != null
                                    || c.account() != null
                                    || !Casemapping.equals(c.nick(), name)) {
                                cr.checking(false);
                                if (!c.isClosed()) logins.answer(c, rr -> taken(rr, name));
                                return;
                            }
                            String cert = c.certificate();
                            Account a = new Account(
                                    c.nick(),
                                    hash,
                                    false,
                                    hub.clock().millis(),
                                    cert == null || accounts.byCertificate(cert) != null ? Set.of() : Set.of(cert));
                            // in a cluster the name is free once every server agrees, a moment later
                            accounts.register(a, created -> {
                                cr.checking(false);
                                if (c.isClosed()) return;
                                logins.answer(c, rr -> {
                                    if (!created) {
                                        taken(rr, name);
                                        return;
                                    }
                                    recent.computeIfAbsent(c.address().limitKey(), h -> new ArrayDeque<>())
                                            .addLast(hub.clock().nanos());
                                    rr.add(Message.trailing(
                                            hub.serverName(),
                                            "REGISTER",
                                            "SUCCESS",
                                            a.name(),
                                            "Account " + a.name() + " registered; you are logged in"
                                                    + (a.certificates().isEmpty()
                                                            ? ""
                                                            : ", and your "
                                                                    + (c.sshKey() != null
                                                                            ? "ssh key"
                                                                            : "client certificate")
                                                                    + " logs you in from now on")));
                                    logins.loggedIn(c, a, rr, false);
                                });
                            });
                        },
                        () -> {
                            cr.checking(false);
                            if (!c.isClosed())
                                logins.answer(
                                        c,
                                        rr -> rr.standard(
                                                "FAIL",
                                                "REGISTER",
                                                "TEMPORARILY_UNAVAILABLE",
                                                name,
                                                "The server is busy; try again in a moment"));
                        });
    }

    private static void taken(Replies r, String name) {
        r.standard("FAIL", "REGISTER", "ACCOUNT_EXISTS", name, "That name is already registered");
    }

    // SETPASS <new password>
    public void setPassword(Connection c, String password, Replies r) {
        Credentials cr = c.credentials();
        if (cr.checking()) return;
        Account a = logins.accounts().find(c.account());
        if (a == null) {
            r.standard("FAIL", "SETPASS", "ACCOUNT_REQUIRED", "*", "Log in first (or /register)");
            return;
        }
        if (refusedPassword(c, "SETPASS", a.name(), password, r)) return;
        cr.checking(true);
        logins.background()
                .run(
                        () -> logins.hasher().hash(password),
                        hash -> {
                            cr.checking(false);
                            Account now = logins.accounts().find(a.name());
                            if (c.isClosed() || now == null) return;
                            logins.accounts().update(now.withPassword(hash, false));
                            hub.events()
                                    .event("Account " + now.name() + " changed its password (from " + c.host() + ")");
                            logins.answer(
                                    c,
                                    rr -> rr.add(Message.trailing(
                                            hub.serverName(), "SETPASS", "SUCCESS", now.name(), "Password changed")));
                        },
                        () -> {
                            cr.checking(false);
                            if (!c.isClosed())
                                logins.answer(
                                        c,
                                        rr -> rr.standard(
                                                "FAIL",
                                                "SETPASS",
                                                "TEMPORARILY_UNAVAILABLE",
                                                a.name(),
                                                "The server is busy; try again in a moment"));
                        });
    }

    /** Whether host created fewer than the limit in the last hour; old entries are forgotten as it goes. */
    private boolean mayRegister(String limitKey) {
        long now = hub.clock().nanos();
        if (recent.size() > 10_000) recent.values().removeIf(q -> q.isEmpty() || now - q.peekLast() > HOUR_NANOS);
        ArrayDeque<Long> times = recent.get(limitKey);
        if (times == null) return true;
        while (!times.isEmpty() && now - times.peekFirst() > HOUR_NANOS) times.removeFirst();
        if (times.isEmpty()) recent.remove(limitKey);
        return times.size() < PER_ADDRESS_PER_HOUR;
    }

    /** A password that may not be used here, answered; false when it is fine. */
    private boolean refusedPassword(Connection c, String command, String name, String password, Replies r) {
        if (!c.confidential()) {
            int port = hub.gate().tlsPort();
            r.standard(
                    "FAIL",
                    command,
                    "TLS_REQUIRED",
                    name,
                    "Passwords go over TLS only" + (port > 0 ? " (port " + port + ")" : "")
                            + ": this connection is not encrypted");
            return true;
        }
        if (password == null
                || password.codePointCount(0, password.length()) < MIN_PASSWORD
                || password.equalsIgnoreCase(name)) {
            r.standard(
                    "FAIL",
                    command,
                    "WEAK_PASSWORD",
                    name,
                    "Use at least " + MIN_PASSWORD + " characters, not the account name");
            return true;
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD) {
            r.standard("FAIL", command, "UNACCEPTABLE_PASSWORD", name, "Use at most " + MAX_PASSWORD + " bytes");
            return true;
        }
        return false;
    }
}

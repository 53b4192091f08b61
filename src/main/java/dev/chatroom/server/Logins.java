package dev.chatroom.server;

import static dev.chatroom.irc.Numeric.*;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Message;
import dev.chatroom.irc.Names;
import dev.chatroom.log.Event;
import dev.chatroom.server.accounts.Accounts;
import dev.chatroom.server.accounts.PasswordHash;
import dev.chatroom.server.output.Broadcast;
import dev.chatroom.server.output.Replies;
import dev.chatroom.store.Account;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Logging in: SASL (PLAIN, EXTERNAL) and what follows a login (900, account-notify, a linked
 * certificate, a used-up one-time password). A password is checked as a {@link PasswordRequests}
 * request: off the loop, in its address's turn, a failure answered only after a delay.
 */
public final class Logins {
    public static final String MECHANISMS = "PLAIN,EXTERNAL";
    private static final int CHUNK = 400;
    /** Base64 characters of one exchange: PLAIN with a 300-byte password and two names fits easily. */
    private static final int MAX_EXCHANGE = 2048;

    private final Hub hub;
    private final Accounts accounts;
    private final PasswordHash hasher;
    /** How failures and refusals of a password login are logged: "Failed login to account alice ...". */
    private static final String ATTEMPT = "login to account";

    private static final String WRONG = "wrong account name or password";

    private final PasswordRequests requests;

    Logins(Hub hub, Accounts accounts, PasswordHash hasher, Background background) {
        this.hub = hub;
        this.accounts = accounts;
        this.hasher = hasher;
        this.requests = new PasswordRequests(hub, background);
    }

    public Accounts accounts() {
        return accounts;
    }

    public PasswordHash hasher() {
        return hasher;
    }

    /** CAP END with an exchange left open: it is aborted (906) and registration goes on without an account (SASL 3.1). */
    public void capEnded(Connection c, Replies r) {
        Credentials cr = c.credentialsIfAny();
        if (cr == null || cr.mechanism() == null || cr.checking()) return;
        cr.exchange(null);
        r.numeric(ERR_SASLABORTED, "SASL authentication aborted");
    }

    /** True while a SASL exchange or a password check holds the connection's registration. */
    boolean busy(Connection c) {
        Credentials cr = c.credentialsIfAny();
        return cr != null && (cr.mechanism() != null || cr.checking());
    }

    /** Whether nick belongs to an account c is not logged in to. */
    public boolean reserved(Connection c, String nick) {
        Account a = accounts.find(nick);
        return a != null && (c.account() == null || !Casemapping.equals(a.name(), c.account()));
    }

    /** Whether c is logged in to the account named nick: then the nick is c's, whoever holds it. */
    boolean ownsNick(Connection c, String nick) {
        Account a = accounts.find(nick);
        return a != null && c.account() != null && Casemapping.equals(a.name(), c.account());
    }

    // AUTHENTICATE <mechanism> | <base64 chunk> | + | *
    public void authenticate(Connection c, String arg, Replies r) {
        Credentials cr = c.credentials();
        if (arg.equals("*")) {
            cr.exchange(null);
            r.numeric(ERR_SASLABORTED, "SASL authentication aborted");
            return;
        }
        if (c.account() != null) {
            cr.exchange(null);
            r.numeric(ERR_SASLALREADY, "You have already authenticated using SASL");
            return;
        }
        if (cr.mechanism() == null) {
            start(c, arg, r);
            return;
        }
        if (arg.length() > CHUNK || cr.data().length() + arg.length() > MAX_EXCHANGE) {
            cr.exchange(null);
            r.numeric(ERR_SASLTOOLONG, "SASL message too long");
            return;
        }
        if (!arg.equals("+")) cr.data().append(arg);
        if (arg.length() == CHUNK) return; // a full chunk: more follows
        String mechanism = cr.mechanism();
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(cr.data().toString());
        } catch (IllegalArgumentException e) {
            cr.exchange(null);
            r.numeric(ERR_SASLFAIL, "SASL authentication failed: the response is not base64");
            return;
        }
        cr.exchange(null);
        if (mechanism.equals("EXTERNAL")) external(c, new String(payload, StandardCharsets.UTF_8), r);
        else plain(c, payload, r);
    }

    private void start(Connection c, String mechanism, Replies r) {
        String m = mechanism.toUpperCase(Locale.ROOT);
        if (!m.equals("PLAIN") && !m.equals("EXTERNAL")) {
            r.numeric(RPL_SASLMECHS, MECHANISMS, "are available SASL mechanisms");
            r.numeric(ERR_SASLFAIL, "SASL authentication failed: unknown mechanism");
            return;
        }
        if (m.equals("PLAIN") && !c.confidential()) {
            r.numeric(ERR_SASLFAIL, "SASL authentication failed: send passwords over TLS" + tlsHint());
            return;
        }
        if (m.equals("EXTERNAL") && c.certificate() == null) {
            r.numeric(ERR_SASLFAIL, "SASL authentication failed: EXTERNAL needs a client certificate");
            return;
        }
        c.credentials().exchange(m);
        r.add(Message.of(null, "AUTHENTICATE", "+"));
    }

    private String tlsHint() {
        int port = hub.gate().tlsPort();
        return port > 0 ? " (port " + port + ")" : "";
    }

    private void external(Connection c, String authzid, Replies r) {
        Account a = accounts.byCertificate(c.certificate());
        if (a == null || (!authzid.isEmpty() && !Casemapping.equals(authzid, a.name()))) {
            hub.stats().loginFailed();
            hub.events()
                    .event(Event.warn(
                                    "login_refused",
                                    "Certificate login refused from " + c.host() + ": "
                                            + (a == null
                                                    ? "certificate not linked to an account"
                                                    : "it is another account's"))
                            .nick(c.nick())
                            .account(a == null ? null : a.name())
                            .address(c.host())
                            .reason(a == null ? "unknown_certificate" : "another_account")
                            .with("certificate", c.certificate()));
            r.numeric(
                    ERR_SASLFAIL,
                    "SASL authentication failed: "
                            + (a == null
                                    ? "this certificate is not linked to an account"
                                    : "it belongs to another account"));
            return;
        }
        loggedIn(c, a, r, true);
    }

    private void plain(Connection c, byte[] payload, Replies r) {
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\0", -1);
        if (parts.length != 3
                || parts[1].isEmpty()
                || (!parts[0].isEmpty() && !Casemapping.equals(parts[0], parts[1]))) {
            r.numeric(ERR_SASLFAIL, "SASL authentication failed: PLAIN wants authzid NUL account NUL password");
            return;
        }
        String name = parts[1];
        String password = parts[2];
        if (!Names.isValidNick(name)) { // an account is a nick: nothing else reaches the log
            r.numeric(ERR_SASLFAIL, "SASL authentication failed: wrong account name or password");
            return;
        }
        String key = Casemapping.fold(name);
        requests.hold(c);
        String refusal = requests.refusal(c, key);
        if (refusal != null) {
            requests.refused(c, name, ATTEMPT, refusal, saslFailed(refusal));
            return;
        }
        Account a = accounts.find(name);
        if (a == null || a.passwordHash() == null) {
            requests.failed(c, name, key, ATTEMPT, saslFailed(WRONG));
            return;
        }
        String hash = a.passwordHash();
        requests.hash(
                c,
                () -> hasher.matches(password, hash),
                ok -> {
                    Account now = accounts.find(name);
                    if (ok && now != null && hash.equals(now.passwordHash())) {
                        c.credentials().passwordProved(hub.clock().nanos());
                        requests.answer(c, rr -> loggedIn(c, now, rr, true));
                    } else {
                        requests.failed(c, name, key, ATTEMPT, saslFailed(WRONG));
                    }
                },
                () -> requests.answer(c, saslFailed("the server is busy; try again in a moment")));
    }

    private static Consumer<Replies> saslFailed(String why) {
        return rr -> rr.numeric(ERR_SASLFAIL, "SASL authentication failed: " + why);
    }

    PasswordRequests requests() {
        return requests;
    }

    /** An ssh user whose key is linked to an account is logged in to it before registering. */
    void keyLogin(Connection c) {
        Account a = accounts.byCertificate(c.sshKey());
        if (a == null) return;
        Replies r = hub.output().replies(c);
        loggedIn(c, a, r, false, " (ssh key)");
        r.flush();
    }

    /** c is now logged in to a: 900 (and 903 after SASL); its rooms learn it (account-notify). */
    void loggedIn(Connection c, Account a, Replies r, boolean sasl) {
        loggedIn(c, a, r, sasl, sasl ? "" : " (new account)");
    }

    private void loggedIn(Connection c, Account a, Replies r, boolean sasl, String how) {
        c.credentials().account(a.name());
        requests.succeeded(c, a.key());
        r.numeric(
                RPL_LOGGEDIN,
                c.nickOrStar() + "!" + c.ident() + "@" + c.shownHost(),
                a.name(),
                "You are now logged in as " + a.name());
        if (sasl) r.numeric(RPL_SASLSUCCESS, "SASL authentication successful");
        Account now = a;
        if (a.oneTime()) {
            now = a.withPassword(null, false);
            r.note(
                    "ONE_TIME_PASSWORD_USED",
                    "That was a one-time password and it is used up: set your own within "
                            + PasswordChange.RECENT_LOGIN.toMinutes()
                            + " minutes (/passwd, or SETPASS <new password>).");
        }
        String cert = c.certificate();
        if (cert != null && accounts.byCertificate(cert) == null) {
            now = now.withCertificate(cert);
            r.note(
                    "CERTIFICATE_LINKED",
                    c.sshKey() != null
                            ? "Your ssh key now logs you in to " + a.name() + "."
                            : "Your client certificate now logs you in to " + a.name() + " (SASL EXTERNAL).");
        }
        if (now != a) accounts.update(now);
        hub.events()
                .event(Gate.person(
                                Event.info(
                                        "logged_in",
                                        (c.nick() == null ? "A connection" : c.nick()) + " from " + c.host()
                                                + " logged in to account " + a.name() + how),
                                c)
                        .with("new_account", !sasl));
        if (c.isRegistered()) {
            tellRooms(c, a.name());
            hub.rooms().loggedIn(c);
            hub.replication().loggedIn(c);
        }
    }

    /** account-notify: the rooms c is in, and its watchers with extended-monitor, learn its account (or "*" for none). */
    public void tellRooms(Connection c, String account) {
        try (Broadcast b = hub.output().broadcast(Message.of(c.prefix(), "ACCOUNT", account))) {
            for (Connection other : hub.rooms().coMembers(c)) b.sendTo(other, Capability.ACCOUNT_NOTIFY);
            hub.monitors().tellWatchers(c, Capability.ACCOUNT_NOTIFY, b);
        }
    }

    /** The admin dropped an account: whoever is logged in to it is logged out (901) and their rooms told. */
    public void loggedOut(Connection c) {
        if (c.account() == null) return;
        c.credentials().account(null);
        Replies r = hub.output().replies(c);
        r.numeric(RPL_LOGGEDOUT, c.prefix(), "You are now logged out");
        r.flush();
        if (c.isRegistered()) tellRooms(c, "*");
    }
}

package dev.chatroom.server;

import static dev.chatroom.irc.Numeric.ERR_NICKNAMEINUSE;
import static dev.chatroom.irc.Numeric.ERR_PASSWDMISMATCH;
import static dev.chatroom.irc.Numeric.ERR_YOUREBANNEDCREEP;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.ip.Address;
import dev.chatroom.irc.Casemapping;
import dev.chatroom.log.Event;
import dev.chatroom.server.Connection.State;
import dev.chatroom.server.output.Replies;
import dev.chatroom.store.AllowEntry;
import dev.chatroom.store.ServerBan;
import java.time.Duration;

/**
 * The way in: refuses connections the server cannot take, and holds each registration until it
 * may go on (password, bans, then the admin's approval). Checked after every command of a
 * registering connection, like ergo's tryRegister. Approval waiting and its outcome reach
 * clients as IRCv3 standard replies when they negotiated them, as notices otherwise.
 */
public final class Gate {
    public static final String WAITING_TEXT = "Waiting for the admin to accept you...";

    private final Hub hub;
    private final ServerConfig config;
    private final Approvals approvals = new Approvals();
    private final Welcome welcome;
    private final PasswordGuard password;
    private int stsPort = ServerConfig.OFF;
    private int tlsPort = ServerConfig.OFF;
    private Duration stsDuration;

    Gate(Hub hub, Welcome welcome) {
        this.hub = hub;
        this.config = hub.config();
        this.welcome = welcome;
        this.password = new PasswordGuard(config.password());
    }

    public Approvals approvals() {
        return approvals;
    }

    Welcome welcome() {
        return welcome;
    }

    /**
     * A new connection (sshKey: over ssh with it, or null); null when it is refused (banned
     * address, server full, too many from its address): it is told why and closed.
     */
    Connection connect(Address address, String sshKey, Link link, boolean secure) {
        Connection c = new Connection(
                address,
                hub.cloaks().host(address, sshKey),
                link,
                secure,
                hub.clock().millis(),
                hub.clock().nanos());
        Departure refusal = refusal(c);
        if (refusal != null) {
            hub.output().replies(c).error(refusal.errorMessage()).flush();
            link.close();
            hub.stats().disconnected(refusal.reason());
            return null;
        }
        hub.users().add(c);
        c.inbox(new Inbox(hub, c));
        c.passwordNeeded(password.required());
        return c;
    }

    private Departure refusal(Connection c) {
        Address address = c.address();
        ServerBan ban = hub.bans().findByHost(c);
        if (ban != null) return new Departure(DisconnectReason.BANNED, ban.reason());
        if (password.required()
                && password.lockedOut(address.limitKey(), hub.clock().nanos()))
            return Departure.of(DisconnectReason.LOCKED_OUT);
        if (hub.users().localCount() >= config.maxClients()) {
            return Departure.of(DisconnectReason.SERVER_FULL); // the same words as a refusal for want of descriptors
        }
        if (hub.users().countFrom(address) >= config.maxPerIp()) {
            return new Departure(DisconnectReason.TOO_MANY_FROM_ADDRESS, Integer.toString(config.maxPerIp()));
        }
        return null;
    }

    /** The registration gate: lets c on when NICK, USER and CAP are done and nothing holds it back. */
    void tryRegister(Connection c) {
        if (c.state() != State.REGISTERING || c.nick() == null || c.user() == null || c.capNegotiating()) return;
        if (c.passwordNeeded()) return; // never reached: NICK and USER wait for the password
        if (hub.logins().busy(c)) return; // a SASL exchange or a password check: its outcome decides
        Replies r = hub.output().replies(c);
        if (!nickAllowed(c, r)) return;
        ServerBan ban = hub.bans().find(c.nick(), c);
        if (ban != null) {
            r.numeric(ERR_YOUREBANNEDCREEP, "You are banned from this server");
            hub.departures().close(c, new Departure(DisconnectReason.BANNED, ban.reason()), r);
            return;
        }
        if (!hub.replication().nickClaimed(c, r)) return;
        AllowEntry remembered = hub.logins().accounts().allowEntry(c.account());
        AllowEntry key = c.sshKey() == null ? null : hub.logins().accounts().allowEntry(BanList.keyHost(c.sshKey()));
        if (key != null && (remembered == null || !key.allowed()))
            remembered = key; // a denied key stays out, whatever its account
        if (remembered != null && !remembered.allowed()) {
            String whom = remembered.account().startsWith("key:") ? "your ssh key" : "account " + c.account();
            String why =
                    "The admin has refused " + whom + (remembered.reason() == null ? "" : ": " + remembered.reason());
            r.fail("*", "ACCOUNT_DENIED", why);
            hub.departures().close(c, new Departure(DisconnectReason.REJECTED, why), r);
            return;
        }
        Connection person = hub.devices().present(c);
        if (person != null && hub.devices().hasRoom(person)) { // another device of someone already let in
            hub.devices().attach(c, person, r);
            return;
        }
        if (person != null && config.maxDevices() > 1) { // with one device per account, the newest takes over
            Departure d = new Departure(DisconnectReason.TOO_MANY_DEVICES, Integer.toString(config.maxDevices()));
            r.fail("*", "TOO_MANY_DEVICES", d.quitMessage());
            hub.departures().close(c, d, r);
            return;
        }
        if (remembered != null || config.approve() == ApprovalPolicy.ALL) {
            takeAccountName(c, r);
            if (remembered != null)
                hub.events()
                        .event(person(
                                Event.info(
                                        "allow_listed", c.nick() + " (" + who(c) + ") is on the allow list: let in."),
                                c));
            welcome(c, r);
            return;
        }
        if (config.approve() == ApprovalPolicy.ACCOUNTS) {
            String why = c.account() == null
                    ? "This server admits only accounts the admin has allowed: log in with SASL"
                    : "Your account " + c.account() + " is not on this server's allow list: ask the admin to /allow "
                            + c.account();
            r.fail("*", "ACCOUNT_REQUIRED", why);
            hub.departures().close(c, new Departure(DisconnectReason.NOT_ALLOWED, why), r);
            return;
        }
        if (approvals.size() >= config.maxPending()) {
            Departure full = Departure.of(DisconnectReason.TOO_MANY_PENDING);
            r.fail("*", "APPROVAL_QUEUE_FULL", full.reason().text());
            hub.departures().close(c, full, r);
            return;
        }
        takeAccountName(c, r);
        c.state(State.PENDING);
        r.note("APPROVAL_PENDING", WAITING_TEXT).flush();
        queue(c, hub.clock().schedule(() -> expire(c), config.approvalTimeout().toNanos()));
        hub.replication().registered(c, false);
    }

    /** An event about c, with who c is: nick, account, address, and the ssh key it came with. */
    public static Event person(Event e, Connection c) {
        return e.nick(c.nick()).account(c.account()).address(c.host()).with("ssh_key", c.sshKey());
    }

    /**
     * c waits for an admin's answer. Said before it is queued: the admins' question (what y, n
     * and a answer: the oldest request) follows the queue, and comes after the line saying who
     * asked, so the last question an admin reads is the one y answers.
     */
    public void queue(Connection c, Clock.Timer expiry) {
        int before = approvals.size();
        String said = before == 0
                ? request(c)
                : c.nick() + " (" + who(c) + ") wants to join; " + (before + 1) + " requests wait.";
        hub.events().event(person(Event.info("join_request", said), c).with("waiting", before));
        approvals.add(c, expiry);
        hub.operatorNotices().requested(c);
    }

    /** The question about a request: "bob (no account, 127.0.0.1) wants to join. Accept? [y/n/a]". */
    public static String request(Connection c) {
        return c.nick() + " (" + who(c) + ") wants to join. Accept? [y/n/a]";
    }

    /** How the admin's prompt describes a requester: account (or none), TLS, address. */
    public static String who(Connection c) {
        if (c.sshKey() != null)
            return (c.account() == null ? "" : "account " + c.account() + ", ") + "ssh, " + c.sshKey() + ", "
                    + c.host();
        return (c.account() == null ? "no account" : "account " + c.account()) + (c.secure() ? ", TLS" : "") + ", "
                + c.host();
    }

    /**
     * A registered nick is for its account: a connection not logged in to it is told (433) and
     * must pick another; one logged in to an account whose name another connection holds takes
     * it over (the other is a connection left behind, or a squatter).
     */
    private boolean nickAllowed(Connection c, Replies r) {
        Connection holder = hub.users().find(c.nick());
        if (holder != null && holder != c && hub.devices().present(c) != holder) { // not theirs after all
            String nick = c.nick();
            hub.users().release(c);
            r.numeric(ERR_NICKNAMEINUSE, nick, "Nickname is already in use");
            r.flush();
            return false;
        }
        if (hub.logins().reserved(c, c.nick())) {
            String nick = c.nick();
            hub.users().release(c);
            r.numeric(ERR_NICKNAMEINUSE, nick, RESERVED_TEXT);
            r.flush();
            return false;
        }
        return true;
    }

    /** Called only for a connection about to be let in or queued: refused ones never take anyone's name. */
    private void takeAccountName(Connection c, Replies r) {
        String account = c.account();
        if (account != null
                && (!Casemapping.equals(account, c.nick()) || hub.users().find(account) != c)
                && hub.users().find(account) != null
                && hub.logins().accounts().find(account) != null) {
            hub.rename(c, hub.logins().accounts().find(account).name(), r);
        }
    }

    /** The text of 433 for a registered nick; our client recognises "registered". */
    public static final String RESERVED_TEXT = "Nickname is registered to an account: log in to use it";

    /** Said on the plain port when a trusted certificate is served: IRCv3 sts; port OFF turns it off. */
    public void strictTransport(int tlsPort, Duration duration) {
        this.stsPort = tlsPort;
        this.stsDuration = duration;
    }

    /** The TLS port to point clients to, or -1. */
    public int tlsPort() {
        return tlsPort;
    }

    /** The TLS port the server listens on (-1: none). */
    public void tlsPort(int port) {
        tlsPort = port;
    }

    /** The sts capability's value for c, or null when none is offered. */
    public String stsValue(Connection c) {
        if (stsPort <= 0 || stsDuration == null) return null;
        return c.secure()
                ? "duration=" + stsDuration.toSeconds()
                : "port=" + stsPort + ",duration=" + stsDuration.toSeconds();
    }

    /**
     * PASS: checked as it arrives, so that the lines after it know. A right one lets c go on; on a
     * server without a password any is ignored; a wrong one closes c.
     */
    public void password(Connection c, String given) {
        if (!c.passwordNeeded()) return;
        if (password.matches(given)) c.passwordNeeded(false);
        else refusePassword(c);
    }

    /** A wrong password: said only after a delay, so guessing is slow; counted and logged. */
    private void refusePassword(Connection c) {
        int failures = password.failed(c.address().limitKey(), hub.clock().nanos());
        hub.events()
                .event(Event.warn(
                                "wrong_server_password",
                                "Wrong server password from " + c.host() + " (" + failures
                                        + (failures == 1 ? " failure" : " failures")
                                        + (failures >= PasswordGuard.MAX_FAILURES
                                                ? "; the address is refused for 10 minutes)"
                                                : ")"))
                        .address(c.host())
                        .with("failures", failures));
        c.state(State.REFUSED);
        c.link().pauseReading(true);
        hub.clock()
                .schedule(
                        () -> {
                            Replies r = hub.output().replies(c).numeric(ERR_PASSWDMISMATCH, "Password incorrect");
                            hub.departures().close(c, Departure.of(DisconnectReason.BAD_PASSWORD), r);
                        },
                        PasswordGuard.FAILURE_DELAY_NANOS);
    }

    /** An admin accepted c (by: an IRC operator's nick, null for the console); false when c was not waiting. */
    public boolean accept(Connection c, String by) {
        if (c.state() != State.PENDING || !approvals.remove(c)) return false;
        hub.operatorNotices().accepted(c, by);
        welcome(c, hub.output().replies(c));
        return true;
    }

    /** An admin rejected c (by: as for {@link #accept}); false when c was not waiting. */
    public boolean reject(Connection c, String reason, String by) {
        if (c.state() != State.PENDING || !approvals.remove(c)) return false;
        Departure d = new Departure(DisconnectReason.REJECTED, reason);
        hub.departures().close(c, d, hub.output().replies(c).fail("*", "APPROVAL_REJECTED", d.quitMessage()));
        hub.operatorNotices().rejected(c, d.detail(), by);
        return true;
    }

    private void expire(Connection c) {
        if (c.state() != State.PENDING || !approvals.remove(c)) return;
        Departure d = Departure.of(DisconnectReason.EXPIRED);
        hub.departures().close(c, d, hub.output().replies(c).fail("*", "APPROVAL_EXPIRED", d.quitMessage()));
    }

    private void welcome(Connection c, Replies r) {
        c.state(State.REGISTERED);
        if (c.credentialsIfAny() != null)
            c.credentialsIfAny().admitted(hub.clock().nanos());
        hub.users().countRegistered(c, 1);
        hub.replication().registered(c, true);
        welcome.send(c, r);
        if (config.defaultRoom() != null) hub.rooms().join(c, config.defaultRoom(), r);
        r.flush();
        hub.monitors().arrived(c);
        hub.events().event(person(Event.info("arrived", "* " + c.nick() + " entered the chatroom."), c));
    }
}

package dev.chatroom.server;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.ip.Address;
import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.LineError;
import dev.chatroom.irc.Message;
import dev.chatroom.irc.Numeric;
import dev.chatroom.log.Event;
import dev.chatroom.log.EventSink;
import dev.chatroom.server.accounts.Accounts;
import dev.chatroom.server.accounts.PasswordHash;
import dev.chatroom.server.commands.Dispatcher;
import dev.chatroom.server.flow.OutputBudget;
import dev.chatroom.server.flow.WorkBudget;
import dev.chatroom.server.output.Broadcast;
import dev.chatroom.server.output.Output;
import dev.chatroom.server.output.Replies;
import dev.chatroom.store.AccountStore;
import dev.chatroom.store.ServerBan;
import dev.chatroom.store.StoreException;
import dev.chatroom.store.Stores;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;

/**
 * Wires the server's parts together and is where lines enter: users, rooms, the registration
 * gate, departures, moderation, output. All of it runs on the server's single event loop, so a
 * join racing a message racing a quit has exactly one order and nothing needs a lock. Knows
 * nothing of sockets: connections are reached through their {@link Link}.
 */
public final class Hub {
    private final ServerConfig config;
    private final Clock clock;
    private final EventSink events;
    private final Stats stats;
    private final Output output;
    private final Users users = new Users();
    private final Rooms rooms;
    private final BanList bans;
    private final Gate gate;
    private final Departures departures;
    private final Moderation moderation;
    private final Dispatcher dispatcher;
    private final OutputBudget budget;
    private final Logins logins;
    private final AccountRegistration accountRegistration;
    private final PasswordChange passwordChange;
    private final History history;
    private final Cloaks cloaks;
    private final OperLogin operLogin;
    private final OperatorNotices operatorNotices;
    private final Devices devices = new Devices(this);
    private final AlwaysOn alwaysOn;
    private final Monitors monitors;
    private final ReadMarkers readMarkers;
    private Replication replication = Replication.STANDALONE;
    private ConsoleAccess console = ConsoleAccess.NONE;

    /**
     * The server's core on stores that are open (their contents are read here, once): tests give
     * {@link Stores#none()} or a database of their own, {@code PasswordHash.DEFAULT} and
     * {@link Background#INLINE}.
     */
    public Hub(
            ServerConfig config,
            List<String> motd,
            Clock clock,
            ByteBufAllocator alloc,
            EventSink events,
            Stores stores,
            OutputBudget budget,
            PasswordHash hasher,
            Background background)
            throws StoreException {
        this.config = config;
        this.budget = new WorkBudget(budget, stores.history());
        this.clock = clock;
        this.events = events;
        this.bans = BanList.of(stores.bans().load());
        if (bans.size() > 0)
            events.event(Event.info("bans_loaded", bans.size() + " ban(s) loaded from " + stores.where())
                    .with("count", bans.size()));
        this.cloaks = new Cloaks(stores.cloakSecret(), config.cloakHosts());
        this.stats = new Stats(clock.millis());
        this.output = new Output(config.serverName(), clock, alloc);
        this.history = new History(config, stores.history(), clock, cloaks, output);
        AccountStore.Contents accounts = stores.accounts().load();
        this.readMarkers = new ReadMarkers(this, stores.accounts(), accounts.readMarkers());
        this.rooms = new Rooms(output, clock, history, stores.rooms(), readMarkers);
        this.monitors = new Monitors(output);
        this.gate = new Gate(this, new Welcome(config.serverName(), clock.millis(), motd));
        this.departures = new Departures(this);
        this.moderation = new Moderation(this, stores.bans());
        this.logins = new Logins(this, new Accounts(stores.accounts(), accounts), hasher, background);
        this.alwaysOn = new AlwaysOn(this, stores.accounts(), accounts.presences());
        this.accountRegistration = new AccountRegistration(this, logins);
        this.passwordChange = new PasswordChange(this, logins);
        this.operLogin = new OperLogin(this, config.opers(), logins.requests(), hasher);
        this.operatorNotices = new OperatorNotices(this);
        this.dispatcher = new Dispatcher(this);
        if (config.defaultRoom() != null) rooms.createPermanent(config.defaultRoom());
        rooms.restore(stores.rooms().load().stream().map(cloaks::remembered).toList());
        alwaysOn.restore();
        new KeepAlive(this);
    }

    /** A new connection from address (secure: over TLS); null when it is refused (it has been told why and closed). */
    public Connection connect(Address address, Link link, boolean secure) {
        return gate.connect(address, null, link, secure);
    }

    /**
     * A connection from the ssh gateway, for someone at address who logged in to ssh with this
     * key (SHA256:...): limits and bans by address apply as to anyone, the key is banned or
     * allowed like an account, and a key linked to an account logs in to it at once.
     */
    public Connection connectSsh(Address address, String keyFingerprint, Link link) {
        ServerBan keyBan = bans.findByAddress(BanList.keyHost(keyFingerprint));
        Connection c = gate.connect(address, keyFingerprint, link, true);
        if (c == null) return null;
        c.sshKey(keyFingerprint);
        c.credentials().certificate(keyFingerprint);
        if (keyBan != null) {
            Replies r = output.replies(c).numeric(Numeric.ERR_YOUREBANNEDCREEP, "You are banned from this server");
            departures.close(c, new Departure(DisconnectReason.BANNED, keyBan.reason()), r);
            return null;
        }
        logins.keyLogin(c);
        return c;
    }

    /** c's TLS handshake showed a client certificate with this SHA-256 fingerprint. */
    public void clientCertificate(Connection c, String fingerprint) {
        if (!c.isClosed()) c.credentials().certificate(fingerprint);
    }

    /** A line from c: a {@link Message}, or the {@link LineError} it was instead. */
    public void received(Connection c, Object line) {
        if (c.isClosed() || c.state() == Connection.State.REFUSED || c.socketless()) return;
        c.liveness().heard(clock.nanos());
        c.inbox().offer(line);
    }

    /** The transport lost c without a QUIT. */
    public void connectionLost(Connection c) {
        if (c.socketless()) return; // its connection was let go already; the person stays (Devices)
        departures.disconnect(c, Departure.of(DisconnectReason.CONNECTION_LOST));
    }

    void handle(Connection c, Object line) {
        if (line instanceof Message m) {
            dispatcher.dispatch(c, m);
        } else if (line instanceof LineError e) {
            if (e == LineError.INVALID_UTF8 && c.state() == Connection.State.REGISTERING) {
                departures.close(c, Departure.of(DisconnectReason.NOT_UTF8));
                return;
            }
            output.replies(c).dropped(e).flush();
        }
    }

    /** After each command of a registering connection: may it go on? */
    public void tryRegister(Connection c) {
        gate.tryRegister(c);
    }

    /**
     * Renames c to a nick already checked to be valid; false when someone else holds it. A
     * registered user's rooms see the NICK, and so does c (through r).
     */
    public boolean rename(Connection c, String nick, Replies r) {
        String oldPrefix = c.prefix();
        String old = c.nick();
        Connection holder = users.find(nick);
        if (holder != null && holder != c && replication.yieldsTo(c, holder)) holder = null;
        if (holder != null && holder != c && devices.mayBeDeviceOf(c, holder)) {
            users.release(c);
            c.nick(nick); // not claimed: the gate decides once c has (or has not) logged in to holder's account
            return true;
        }
        if (holder != null && holder != c) {
            if (!logins.ownsNick(c, nick)) return false;
            // the account's owner takes its name back from a connection left behind or a squatter
            Departure d = Departure.of(
                    holder.account() != null && Casemapping.equals(holder.account(), c.account())
                            ? DisconnectReason.GHOSTED
                            : DisconnectReason.NICK_RECLAIMED);
            departures.close(holder, d, output.replies(holder).fail("*", "NICK_TAKEN_OVER", d.quitMessage()));
        }
        if (c.isRegistered()) users.whowas().record(c, clock.millis());
        if (!users.claim(c, nick)) return false;
        for (Connection d : c.devices()) d.nick(nick);
        if (!c.isRegistered()) return true;
        try (Broadcast b = output.from(Message.trailing(oldPrefix, "NICK", nick), c)) {
            for (Connection other : rooms.coMembers(c)) b.sendTo(other);
            r.add(b);
            b.sendToOtherDevices(c, r.to());
        }
        monitors.renamed(c, old, r);
        events.event(Gate.person(Event.info("nick_changed", "* " + old + " is now known as " + nick + "."), c)
                .with("old_nick", old));
        return true;
    }

    /** This server joins a cluster: from now on what changes the chat goes through it. Called once, on the loop. */
    public void replication(Replication r) {
        replication = r;
    }

    /** The cluster this server is part of; {@link Replication#STANDALONE} on its own. */
    public Replication replication() {
        return replication;
    }

    /** IRC operators reach the admin console through this: set once, on the loop, by what runs the server. */
    public void console(ConsoleAccess c) {
        console = c;
    }

    /** The admin console as IRC operators reach it; {@link ConsoleAccess#NONE} until one is set. */
    public ConsoleAccess console() {
        return console;
    }

    public OperLogin operLogin() {
        return operLogin;
    }

    /** What IRC operators are told about join requests. */
    public OperatorNotices operatorNotices() {
        return operatorNotices;
    }

    /** The command table; tests add commands to it. */
    public Dispatcher dispatcher() {
        return dispatcher;
    }

    public OutputBudget budget() {
        return budget;
    }

    public ServerConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public EventSink events() {
        return events;
    }

    public Stats stats() {
        return stats;
    }

    public Output output() {
        return output;
    }

    public Users users() {
        return users;
    }

    public History history() {
        return history;
    }

    public Cloaks cloaks() {
        return cloaks;
    }

    public Rooms rooms() {
        return rooms;
    }

    public Monitors monitors() {
        return monitors;
    }

    public BanList bans() {
        return bans;
    }

    public Gate gate() {
        return gate;
    }

    public Departures departures() {
        return departures;
    }

    public Devices devices() {
        return devices;
    }

    public AlwaysOn alwaysOn() {
        return alwaysOn;
    }

    public ReadMarkers readMarkers() {
        return readMarkers;
    }

    public Logins logins() {
        return logins;
    }

    public AccountRegistration accountRegistration() {
        return accountRegistration;
    }

    public PasswordChange passwordChange() {
        return passwordChange;
    }

    public Moderation moderation() {
        return moderation;
    }

    public String serverName() {
        return config.serverName();
    }

    /** What a client is told on arriving, and again when it asks (VERSION, MOTD, INFO). */
    public Welcome welcome() {
        return gate.welcome();
    }
}

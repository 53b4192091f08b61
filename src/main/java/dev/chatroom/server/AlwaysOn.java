package dev.chatroom.server;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.ip.Address;
import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Message;
import dev.chatroom.log.Event;
import dev.chatroom.server.output.Broadcast;
import dev.chatroom.server.output.Replies;
import dev.chatroom.store.AccountStore;
import dev.chatroom.store.Presence;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Always-on accounts: with no device connected the person stays in its rooms, shown as away, and
 * private messages to it are kept (history). Each account chooses ({@code ACCOUNTSET always-on});
 * the server's {@code always-on} setting gives the default (opt-in, opt-out) or turns it off. Who is
 * present without a device is saved, so a restart brings them back into their rooms.
 */
public final class AlwaysOn {
    /** The away message of someone always-on with no device connected. */
    public static final String ABSENT = "No device connected";

    private final Hub hub;
    private final ServerConfig.AlwaysOn policy;
    private final AccountStore store;
    /** Every account's saved presence by its key: the choice, and what a restart brings back. */
    private final Map<String, Presence> saved = new HashMap<>();

    AlwaysOn(Hub hub, AccountStore store, List<Presence> loaded) {
        this.hub = hub;
        this.policy = hub.config().alwaysOn();
        this.store = store;
        for (Presence p : loaded) saved.put(p.key(), p);
    }

    /** Whether the account (any spelling) is always-on: its own choice, else the server's default. */
    public boolean isOn(String account) {
        if (account == null || !offered()) return false;
        Presence p = saved.get(Casemapping.fold(account));
        if (p != null && p.alwaysOn() != null) return p.alwaysOn();
        return policy == ServerConfig.AlwaysOn.OPT_OUT;
    }

    /** Whether the server lets accounts choose (false with {@code always-on = off}). */
    public boolean offered() {
        // a cluster joins after the hub is made: its setting says so from the start (restore() runs before)
        return policy != ServerConfig.AlwaysOn.OFF
                && hub.config().redis() == null
                && hub.replication() == Replication.STANDALONE;
    }

    /** Whether the person stays without a device: always-on, standalone (a cluster mirrors connections). */
    boolean keeps(Connection person) {
        return offered() && isOn(person.account());
    }

    /** The account chooses; false when the server does not offer it. Someone absent who turns it off leaves. */
    public boolean choose(String account, boolean on) {
        if (!offered()) return false;
        String key = Casemapping.fold(account);
        Presence p = saved.getOrDefault(key, Presence.choice(account, null)).withAlwaysOn(on);
        saved.put(key, p);
        store.save(p);
        return true;
    }

    /** The person's last connection went and it stays: shown as away to those who asked to know. */
    void absent(Connection person) {
        if (person.away() == null) {
            person.away(ABSENT);
            try (Broadcast b = hub.output().from(Message.trailing(person.prefix(), "AWAY", ABSENT), person)) {
                for (Connection other : hub.rooms().coMembers(person)) b.sendTo(other, Capability.AWAY_NOTIFY);
            }
        }
        save(person);
        hub.events()
                .event(Gate.person(
                        Event.info("absent", "* " + person.nick() + " has no device connected; always-on, stays."),
                        person));
    }

    /** A device is back: the person is no longer away, unless it said so itself. */
    void back(Connection person) {
        if (!ABSENT.equals(person.away())) return;
        person.away(null);
        try (Broadcast b = hub.output().from(Message.of(person.prefix(), "AWAY"), person)) {
            for (Connection other : hub.rooms().coMembers(person)) b.sendTo(other, Capability.AWAY_NOTIFY);
        }
    }

    /** The person left for good (killed, banned, not always-on any more): a restart does not bring it back. */
    void gone(Connection person) {
        String account = person.account();
        if (account == null) return;
        Presence p = saved.get(Casemapping.fold(account));
        if (p == null || !p.present()) return;
        p = p.absent();
        saved.put(p.key(), p);
        store.save(p);
    }

    /** A dropped account's presence goes with it: whoever registers the name next starts afresh. */
    public void forget(String account) {
        String key = Casemapping.fold(account);
        if (saved.remove(key) != null) store.deletePresence(key);
        for (Connection c : hub.users().all()) {
            if (c.socketless() && c.devices().isEmpty() && Casemapping.equals(account, c.account()))
                hub.departures().disconnect(c, new Departure(DisconnectReason.KICKED, "account dropped"));
        }
    }

    /** Keeps every always-on person's rooms for the restart (the server is stopping). */
    void saveAll() {
        for (Connection c : hub.users().all()) if (!c.isDevice() && c.isRegistered() && keeps(c)) save(c);
    }

    private void save(Connection person) {
        String account = person.account();
        Presence was = saved.get(Casemapping.fold(account));
        Presence p = new Presence(
                hub.logins().accounts().find(account) == null
                        ? account
                        : hub.logins().accounts().find(account).name(),
                was == null ? null : was.alwaysOn(),
                person.nick(),
                person.user(),
                person.realname(),
                person.shownHost(),
                person.away(),
                person.rooms().stream().map(Room::name).toList());
        saved.put(p.key(), p);
        store.save(p);
    }

    /**
     * At start: who was always-on is in its rooms again, present without a device (its address
     * unknown until a device connects: the unspecified address, which no ban or limit counts).
     */
    void restore() {
        for (Presence p : List.copyOf(saved.values())) {
            if (!p.present() || !isOn(p.account()) || hub.logins().accounts().find(p.account()) == null) continue;
            if (hub.users().find(p.nick()) != null) continue;
            Connection c = new Connection(
                    UNKNOWN,
                    p.host(),
                    Link.GONE,
                    false,
                    hub.clock().millis(),
                    hub.clock().nanos());
            c.credentials().account(p.account());
            c.user(p.user(), p.realname());
            hub.users().add(c);
            hub.users().claim(c, p.nick());
            c.inbox(new Inbox(hub, c));
            c.state(Connection.State.REGISTERED);
            hub.users().countRegistered(c, 1);
            c.away(p.away() == null ? ABSENT : p.away());
            Replies nowhere = hub.output().replies(c);
            for (String room : p.rooms()) hub.rooms().join(c, room, nowhere);
        }
    }

    private static final Address UNKNOWN = Address.parse("0.0.0.0");
}

package dev.chatroom.server;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Message;
import dev.chatroom.server.output.Replies;
import dev.chatroom.store.AccountStore;
import dev.chatroom.store.ReadMarker;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Read markers (IRCv3 {@code draft/read-marker}): how far a person has read each conversation,
 * as its clients say with MARKREAD. An account's are kept ({@link AccountStore}, all read at start)
 * and shared by its devices, in a cluster by every node; a guest's last as long as its connection
 * (as ergo keeps them for a session). A marker only moves forward, and when it moves the person's
 * other connections that asked for the capability are told.
 */
public final class ReadMarkers {
    /** The most conversations one person's markers name; past it the one read longest ago is forgotten (ergo: 256). */
    static final int MAX_TARGETS = 256;
    /** A marker further ahead of our clock than this is a client's mistake: taken as now, since it could never go back. */
    private static final long FUTURE_MILLIS = 60_000;

    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Hub hub;
    private final AccountStore store;
    /** account key -> target key -> time (ms). */
    private final Map<String, Map<String, Long>> accounts = new HashMap<>();
    /** A guest's markers, by its connection (a person: guests have no devices). */
    private final Map<Connection, Map<String, Long>> guests = new IdentityHashMap<>();

    ReadMarkers(Hub hub, AccountStore store, List<ReadMarker> loaded) {
        this.hub = hub;
        this.store = store;
        for (ReadMarker m : loaded)
            accounts.computeIfAbsent(m.account(), k -> new HashMap<>()).put(m.target(), m.millis());
    }

    /** The marker of person on target as MARKREAD shows it: {@code timestamp=...}, or {@code *} when there is none. */
    public String shown(Connection person, String target) {
        Map<String, Long> marks = markers(person, false);
        Long t = marks == null ? null : marks.get(Casemapping.fold(target));
        return t == null ? "*" : "timestamp=" + format(t);
    }

    /**
     * person's client (on device) read target up to millis: the marker moves there unless it is
     * further already, the account's other connections are told, the store and the cluster too.
     * The marker as it is now, to answer device with.
     */
    public String read(Connection person, Connection device, String target, long millis) {
        long now = hub.clock().millis();
        if (millis > now + FUTURE_MILLIS) millis = now;
        String account = person.account() == null ? null : Casemapping.fold(person.account());
        if (moved(markers(person, true), account, Casemapping.fold(target), millis, true)) {
            if (account != null) {
                store.save(new ReadMarker(account, Casemapping.fold(target), millis));
                hub.replication().markedRead(account, target, millis);
            }
            tell(person, target, millis, device);
        }
        return shown(person, target);
    }

    /** Another node moved a marker of an account (its key): it moves here too, and the account's user here is told. */
    public void movedElsewhere(String account, String target, long millis) {
        Map<String, Long> marks = accounts.computeIfAbsent(account, k -> new HashMap<>());
        if (!moved(marks, account, Casemapping.fold(target), millis, false)) return;
        Users users = hub.users();
        for (int i = 0; i < users.count(); i++) {
            Connection c = users.get(i);
            if (!c.isRemote()
                    && !c.isDevice()
                    && c.account() != null
                    && Casemapping.fold(c.account()).equals(account)) tell(c, target, millis, null);
        }
    }

    /** After the JOIN a device is shown: the person's marker on the room, for a device that asked for them. */
    void joined(Connection person, String room, Replies r) {
        if (r.to().has(Capability.READ_MARKER))
            r.add(Message.of(hub.serverName(), "MARKREAD", room, shown(person, room)));
    }

    /** The account was dropped: its markers go (the store erased them with the account). */
    public void forgetAccount(String accountKey) {
        accounts.remove(accountKey);
    }

    /** The person left: a guest's markers go with it. */
    void gone(Connection person) {
        guests.remove(person);
    }

    /** The millis a MARKREAD's {@code timestamp=YYYY-MM-DDThh:mm:ss.sssZ} names, or -1 when it is not one. */
    public static long parse(String param) {
        if (param == null || !param.startsWith("timestamp=")) return -1;
        String t = param.substring("timestamp=".length());
        if (!TIMESTAMP.matcher(t).matches()) return -1;
        try {
            return Instant.parse(t).toEpochMilli();
        } catch (DateTimeParseException e) {
            return -1;
        }
    }

    static String format(long millis) {
        return FORMAT.format(Instant.ofEpochMilli(millis));
    }

    private Map<String, Long> markers(Connection person, boolean create) {
        if (person.account() != null) {
            String key = Casemapping.fold(person.account());
            return create ? accounts.computeIfAbsent(key, k -> new HashMap<>()) : accounts.get(key);
        }
        return create ? guests.computeIfAbsent(person, k -> new HashMap<>()) : guests.get(person);
    }

    /** Moves target's marker in marks forward to millis; false when it was there or further. Keeps the bound. */
    private boolean moved(Map<String, Long> marks, String account, String target, long millis, boolean mine) {
        Long was = marks.get(target);
        if (was != null && was >= millis) return false;
        marks.put(target, millis);
        if (marks.size() > MAX_TARGETS) {
            String oldest = null;
            for (var e : marks.entrySet()) if (oldest == null || e.getValue() < marks.get(oldest)) oldest = e.getKey();
            marks.remove(oldest);
            if (mine && account != null) store.deleteReadMarker(account, oldest);
        }
        return true;
    }

    /** Tells the person's connections but the one that moved it (null: none did here), those that asked for it. */
    private void tell(Connection person, String target, long millis, Connection except) {
        Message m = Message.of(hub.serverName(), "MARKREAD", target, "timestamp=" + format(millis));
        send(person, m, except);
        for (Connection d : person.devices()) send(d, m, except);
    }

    private void send(Connection c, Message m, Connection except) {
        if (c == except
                || !c.isRegistered()
                || !c.has(Capability.READ_MARKER)
                || !c.link().isOpen()) return;
        hub.output().replies(c).add(m).flush();
    }
}

package dev.chatroom.server;

import static dev.chatroom.irc.Numeric.*;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Message;
import dev.chatroom.irc.Names;
import dev.chatroom.server.Connection.State;
import dev.chatroom.server.ServerConfig.ApprovalPolicy;
import io.netty.buffer.ByteBufAllocator;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Where connections, nicks, rooms and approvals meet. Every method runs on the server's single
 * event loop, so a join racing a message racing a quit has exactly one order and nothing here
 * needs a lock. Knows nothing of sockets: connections are reached through their {@link Outbox}.
 */
public final class Hub {
    /** Targets one PRIVMSG/NOTICE may name (ISUPPORT MAXTARGETS). */
    public static final int MAX_TARGETS = 4;
    public static final String DEFAULT_QUIT_REASON = "left the chat";
    public static final String CONNECTION_LOST = "connection lost";
    public static final String PING_TIMEOUT = "ping timeout";
    public static final String SENDQ_EXCEEDED = "SendQ exceeded";
    public static final String EXCESS_FLOOD = "Excess flood";
    public static final String REGISTRATION_TIMEOUT = "registration timeout";
    private static final String REMOVED = "removed by the admin";

    private final ServerConfig config;
    private final ScheduledExecutorService loop;
    private final ByteBufAllocator alloc;
    private final EventSink events;
    private final LongSupplier clock;
    private final Nicks nicks = new Nicks();
    private final Rooms rooms = new Rooms();
    private final Approvals approvals = new Approvals();
    private final Set<Connection> connections = new LinkedHashSet<>();
    private final Map<String, Integer> perAddress = new HashMap<>();
    private final Bans bans;
    private final Stats stats;
    private final String createdAt;
    private long nextId;
    private boolean shuttingDown;

    public Hub(ServerConfig config, ScheduledExecutorService loop, ByteBufAllocator alloc, EventSink events, LongSupplier clock, Bans bans) {
        this.bans = bans;
        this.stats = new Stats(clock.getAsLong());
        this.config = config;
        this.loop = loop;
        this.alloc = alloc;
        this.events = events;
        this.clock = clock;
        this.createdAt = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(clock.getAsLong()).atZone(ZoneOffset.UTC));
        if (config.defaultRoom() != null) rooms.create(config.defaultRoom(), true, clock.getAsLong());
    }

    public ServerConfig config() {
        return config;
    }

    public Nicks nicks() {
        return nicks;
    }

    public Rooms rooms() {
        return rooms;
    }

    public Approvals approvals() {
        return approvals;
    }

    public Bans bans() {
        return bans;
    }

    public Stats stats() {
        return stats;
    }

    public EventSink events() {
        return events;
    }

    public Set<Connection> connections() {
        return Collections.unmodifiableSet(connections);
    }

    public long now() {
        return clock.getAsLong();
    }

    public String serverName() {
        return config.serverName();
    }

    // ---- replies -------------------------------------------------------------------------

    /** Sends {@code :server <numeric> <nick> params...}, the last parameter as trailing text. */
    public void reply(Connection c, String numeric, String... params) {
        String[] all = new String[params.length + 1];
        all[0] = c.nickOrStar();
        System.arraycopy(params, 0, all, 1, params.length);
        c.send(Message.trailing(config.serverName(), numeric, all));
    }

    public void notice(Connection c, String text) {
        c.send(Message.trailing(config.serverName(), "NOTICE", c.nickOrStar(), text));
    }

    /** A message from c (or the server) that many will receive; close it when sent. */
    public Broadcast broadcast(Message m, Map<String, String> clientTags) {
        return new Broadcast(m, clock.getAsLong(), clientTags, alloc);
    }

    public Broadcast broadcast(Message m) {
        return broadcast(m, Map.of());
    }

    // ---- connection lifecycle ------------------------------------------------------------

    /** A new connection; null when it is refused (full, too many from its address, banned): it is told why and closed. */
    public Connection connect(String host, Outbox outbox) {
        String refusal = null;
        Bans.Ban ban = bans.findByAddress(host);
        if (ban != null) {
            refusal = bannedLine(ban);
        } else if (connections.size() >= config.maxClients()) {
            refusal = "ERROR :Closing link: the server is full (" + config.maxClients() + " clients)";
        } else if (perAddress.getOrDefault(host, 0) >= config.maxPerIp()) {
            refusal = "ERROR :Closing link: too many connections from your address (" + config.maxPerIp() + ")";
        }
        if (refusal != null) {
            outbox.send(refusal);
            outbox.close();
            stats.disconnected(ban != null ? "banned" : "refused at connect");
            return null;
        }
        Connection c = new Connection(++nextId, host, outbox, clock.getAsLong());
        connections.add(c);
        perAddress.merge(host, 1, Integer::sum);
        loop.schedule(() -> {
            if (c.state() == State.REGISTERING) close(c, REGISTRATION_TIMEOUT);
        }, config.registrationTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return c;
    }

    private static String bannedLine(Bans.Ban ban) {
        return "ERROR :You are banned" + (ban.reason().isEmpty() ? "" : ": " + ban.reason());
    }

    /** The registration gate, checked after every command of a registering connection. */
    public void tryRegister(Connection c) {
        if (c.state() != State.REGISTERING || c.nick() == null || c.user() == null || c.capNegotiating()) return;
        if (config.password() != null && !c.passwordAccepted()) {
            reply(c, ERR_PASSWDMISMATCH, "Password incorrect");
            close(c, "Bad password");
            return;
        }
        Bans.Ban ban = bans.find(c.nick(), "~" + c.user(), c.host());
        if (ban != null) {
            c.outbox().send(bannedLine(ban));
            disconnect(c, "banned");
            return;
        }
        if (config.approval() == ApprovalPolicy.ALL) {
            welcome(c);
            return;
        }
        if (approvals.size() >= config.maxPending()) {
            close(c, "too many people are waiting for the admin; try again later");
            return;
        }
        c.state(State.PENDING);
        notice(c, "Waiting for the admin to accept you...");
        int others = approvals.size();
        approvals.add(c, loop.schedule(() -> expire(c), config.approvalTimeout().toMillis(), TimeUnit.MILLISECONDS));
        events.event(c.nick() + " (" + c.host() + ") wants to join. Accept? [y/n]"
                + (others == 0 ? "" : " (" + others + (others == 1 ? " other request waits" : " other requests wait") + ")"));
    }

    public void accept(Connection c) {
        if (c.state() != State.PENDING || !approvals.remove(c)) return;
        welcome(c);
    }

    public void reject(Connection c, String reason) {
        if (c.state() != State.PENDING || !approvals.remove(c)) return;
        String why = "the admin rejected your request" + (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
        events.event("Rejected " + c.nick() + ".");
        close(c, why);
    }

    private void expire(Connection c) {
        if (c.state() != State.PENDING || !approvals.remove(c)) return;
        events.event("The request of " + c.nick() + " expired unanswered.");
        close(c, "your request expired: the admin did not answer in time");
    }

    private void welcome(Connection c) {
        c.state(State.REGISTERED);
        String version = "chatroom-" + config.version();
        reply(c, RPL_WELCOME, "Welcome to the " + config.serverName() + " IRC Network, " + c.prefix());
        reply(c, RPL_YOURHOST, "Your host is " + config.serverName() + ", running version " + version);
        reply(c, RPL_CREATED, "This server was created " + createdAt);
        c.send(Message.of(config.serverName(), RPL_MYINFO, c.nick(), config.serverName(), version, "i", "o"));
        sendIsupport(c);
        sendMotd(c);
        if (config.defaultRoom() != null) join(c, config.defaultRoom());
        events.event("* " + c.nick() + " entered the chatroom.");
    }

    private void sendIsupport(Connection c) {
        List<String> tokens = List.of(
                "AWAYLEN=" + Names.AWAY_MAX,
                "CASEMAPPING=" + Casemapping.NAME,
                "CHANLIMIT=#:",
                "CHANMODES=,,,",
                "CHANNELLEN=" + Names.CHANNEL_MAX,
                "CHANTYPES=#",
                "MAXTARGETS=" + MAX_TARGETS,
                "NETWORK=" + config.serverName(),
                "NICKLEN=" + Names.NICK_MAX,
                "PREFIX=(o)@",
                "TOPICLEN=" + Names.TOPIC_MAX,
                "USERLEN=" + Names.USER_MAX,
                "WHOX");
        List<String> params = new ArrayList<>();
        params.add(c.nick());
        params.addAll(tokens);
        params.add("are supported by this server");
        c.send(Message.create(Map.of(), config.serverName(), RPL_ISUPPORT, params, true));
    }

    public void sendMotd(Connection c) {
        if (config.motd().isEmpty()) {
            reply(c, ERR_NOMOTD, "MOTD File is missing");
            return;
        }
        reply(c, RPL_MOTDSTART, "- " + config.serverName() + " Message of the day - ");
        for (String line : config.motd()) reply(c, RPL_MOTD, "- " + line);
        reply(c, RPL_ENDOFMOTD, "End of /MOTD command.");
    }

    /**
     * Tells every connection the server is going away and closes it. No one is told of anyone
     * else leaving: everyone is.
     */
    public void shutdown(String reason) {
        shuttingDown = true;
        String line = "ERROR :Server shutting down" + (reason == null || reason.isBlank() ? "" : ": " + reason);
        for (Connection c : new ArrayList<>(connections)) {
            c.outbox().send(line);
            disconnect(c, "server shutting down");
        }
    }

    /** Sends ERROR with the reason, then disconnects. */
    public void close(Connection c, String reason) {
        c.outbox().send("ERROR :Closing link: " + reason);
        disconnect(c, reason);
    }

    /**
     * Removes every trace of c (nick, rooms, approval, counts) and tells its co-members it quit.
     * Safe to call more than once; only the first call counts.
     */
    public void disconnect(Connection c, String reason) {
        if (c.state() == State.CLOSED) return;
        State was = c.state();
        c.state(State.CLOSED);
        connections.remove(c);
        perAddress.computeIfPresent(c.host(), (h, n) -> n > 1 ? n - 1 : null);
        stats.disconnected(kindOf(c, reason));
        approvals.remove(c);
        nicks.release(c.nick(), c);
        if (!c.rooms().isEmpty() && !shuttingDown) {
            try (Broadcast quit = broadcast(Message.trailing(c.prefix(), "QUIT", reason))) {
                for (Connection other : coMembers(c)) quit.sendTo(other);
            }
        }
        for (Room r : c.rooms()) {
            r.remove(c);
            rooms.removeIfAbandoned(r);
        }
        c.rooms().clear();
        if (shuttingDown) {
            c.outbox().close();
            return;
        }
        if (was == State.REGISTERED) {
            events.event("* " + c.nick() + (DEFAULT_QUIT_REASON.equals(reason) ? " left the chat." : " left the chat (" + reason + ")"));
        } else if (was == State.PENDING) {
            events.event(c.nick() + " stopped waiting (" + reason + ").");
        }
        c.outbox().close();
    }

    private static String kindOf(Connection c, String reason) {
        if (c.quitRequested()) return "quit";
        if (reason.startsWith(REMOVED)) return "kicked";
        if (reason.startsWith("banned")) return "banned";
        if (reason.startsWith("the admin rejected")) return "rejected";
        if (reason.startsWith("your request expired")) return "request expired";
        if (reason.startsWith("too many people are waiting")) return "too many pending";
        return reason.toLowerCase(java.util.Locale.ROOT);
    }

    // ---- moderation (the admin console) ------------------------------------------------------

    /** Removes c from the chat; its rooms see a KICK by the server, then it is disconnected. It may come back. */
    public void kick(Connection c, String reason) {
        String why = reason == null || reason.isBlank() ? "" : reason.strip();
        for (Room r : new ArrayList<>(c.rooms())) {
            try (Broadcast kick = broadcast(Message.trailing(config.serverName(), "KICK", r.name(), c.nick(), why.isEmpty() ? REMOVED : why))) {
                for (Connection m : r.members()) kick.sendTo(m);
            }
            r.remove(c);
            rooms.removeIfAbandoned(r);
        }
        c.rooms().clear();
        String full = REMOVED + (why.isEmpty() ? "" : " (" + why + ")");
        events.event("* " + c.nick() + " was " + full + ".");
        close(c, full);
    }

    /** Bans a mask and disconnects whoever matches it now. Returns who was disconnected; saving is the caller's. */
    public List<String> ban(String mask, String reason) {
        Bans.Ban ban = bans.add(mask, reason, Instant.ofEpochMilli(clock.getAsLong()));
        List<String> gone = new ArrayList<>();
        for (Connection c : new ArrayList<>(connections)) {
            String nick = c.nick() == null ? "*" : c.nick();
            String user = c.user() == null ? "*" : "~" + c.user();
            if (bans.find(nick, user, c.host()) == ban) {
                gone.add(c.nickOrStar());
                c.outbox().send(bannedLine(ban));
                disconnect(c, "banned" + (ban.reason().isEmpty() ? "" : " (" + ban.reason() + ")"));
            }
        }
        return gone;
    }

    /** Mutes a registered user until the given time (Long.MAX_VALUE: until unmuted); the room is told. */
    public void mute(Connection c, long untilMillis, String howLong) {
        c.mutedUntil(untilMillis);
        notice(c, "You have been muted by the admin" + howLong + ". Your messages will not be sent.");
        announce(c.nick() + " has been muted by the admin" + howLong + ".");
    }

    public void unmute(Connection c) {
        c.mutedUntil(0);
        notice(c, "You are no longer muted.");
        announce(c.nick() + " is no longer muted.");
    }

    /** A NOTICE from the server to every room, and to registered users in no room. */
    public void announce(String text) {
        for (Room r : rooms.all()) {
            if (r.size() == 0) continue;
            try (Broadcast b = broadcast(Message.trailing(config.serverName(), "NOTICE", r.name(), text))) {
                for (Connection m : r.members()) b.sendTo(m);
            }
        }
        for (Connection c : connections) {
            if (c.isRegistered() && c.rooms().isEmpty()) notice(c, text);
        }
    }

    /** Everyone who shares a room with c, each once, c excluded. */
    public Iterable<Connection> coMembers(Connection c) {
        if (c.rooms().size() == 1) {
            List<Connection> out = new ArrayList<>(c.rooms().get(0).size());
            for (Connection m : c.rooms().get(0).members()) if (m != c) out.add(m);
            return out;
        }
        Map<Connection, Boolean> seen = new IdentityHashMap<>();
        for (Room r : c.rooms()) for (Connection m : r.members()) if (m != c) seen.put(m, Boolean.TRUE);
        return seen.keySet();
    }

    // ---- rooms ---------------------------------------------------------------------------

    /** Joins c to the named room, creating it (c as operator) if it does not exist. */
    public void join(Connection c, String name) {
        Room r = rooms.find(name);
        boolean created = r == null;
        if (created) r = rooms.create(name, false, clock.getAsLong());
        if (r.contains(c)) return;
        r.add(c, created);
        c.rooms().add(r);
        try (Broadcast join = broadcast(Message.of(c.prefix(), "JOIN", r.name()))) {
            for (Connection m : r.members()) join.sendTo(m);
        }
        if (r.topic() != null) sendTopic(c, r);
        sendNames(c, r);
    }

    public void part(Connection c, Room r, String reason) {
        Message m = reason == null || reason.isEmpty()
                ? Message.of(c.prefix(), "PART", r.name())
                : Message.trailing(c.prefix(), "PART", r.name(), reason);
        try (Broadcast part = broadcast(m)) {
            for (Connection member : r.members()) part.sendTo(member);
        }
        r.remove(c);
        c.rooms().remove(r);
        rooms.removeIfAbandoned(r);
    }

    public void sendTopic(Connection c, Room r) {
        reply(c, RPL_TOPIC, r.name(), r.topic());
        c.send(Message.of(config.serverName(), RPL_TOPICWHOTIME, c.nick(), r.name(), r.topicSetBy(), Long.toString(r.topicSetAtMillis() / 1000)));
    }

    public void setTopic(Room r, String text, String setBy) {
        r.topic(text, setBy, clock.getAsLong());
        try (Broadcast topic = broadcast(Message.trailing(setBy, "TOPIC", r.name(), text == null ? "" : text))) {
            for (Connection m : r.members()) topic.sendTo(m);
        }
    }

    /** 353 lines (as many as needed to stay well under 512 bytes) and 366. */
    public void sendNames(Connection c, Room r) {
        String head = ":" + config.serverName() + " " + RPL_NAMREPLY + " " + c.nick() + " = " + r.name() + " :";
        StringBuilder names = new StringBuilder();
        for (Connection m : r.members()) {
            String entry = (r.isOperator(m) ? "@" : "") + m.nick();
            if (names.length() > 0 && head.length() + names.length() + 1 + entry.length() > 480) {
                c.outbox().send(head + names);
                names.setLength(0);
            }
            if (names.length() > 0) names.append(' ');
            names.append(entry);
        }
        if (names.length() > 0) c.outbox().send(head + names);
        reply(c, RPL_ENDOFNAMES, r.name(), "End of /NAMES list.");
    }

    // ---- nicks ---------------------------------------------------------------------------

    /** Claims nick for c; false when another connection holds it. */
    public boolean claimNick(Connection c, String nick) {
        return nicks.claim(nick, c);
    }

    /** Renames a registered or registering connection whose new nick is already validated and claimed. */
    public void renamed(Connection c, String newNick) {
        String old = c.nick();
        if (old != null && !Casemapping.equals(old, newNick)) nicks.release(old, c);
        if (c.state() != State.REGISTERED) {
            c.nick(newNick);
            return;
        }
        try (Broadcast nick = broadcast(Message.trailing(c.prefix(), "NICK", newNick))) {
            nick.sendTo(c);
            for (Connection other : coMembers(c)) nick.sendTo(other);
        }
        c.nick(newNick);
        events.event("* " + old + " is now known as " + newNick + ".");
    }
}

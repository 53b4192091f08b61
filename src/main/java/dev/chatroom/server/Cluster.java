package dev.chatroom.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import dev.chatroom.irc.Message;
import dev.chatroom.server.cluster.Bus;
import dev.chatroom.server.output.Replies;

/**
 * This node's part in a cluster. Every command that changes what others see (a message, a join,
 * a nick, a mode, a console action) is published on the {@link Bus} instead of run, and runs
 * when it comes back, on every node in the bus's one order: each node holds the same rooms,
 * members and nicks, and every member sees a room's messages in the same order. The time and
 * msgid of a message are its origin's, so every node stamps it alike. Nodes say they are alive
 * every second; one silent for {@value #NODE_TIMEOUT_SECONDS} s is lost and its users quit. A node
 * that stops hearing itself has lost Redis: it tells its users the chat is split and goes on alone
 * (no buffering: a line sent to the other half minutes late would land out of its conversation).
 */
public final class Cluster implements Bus.Listener {
    static final Set<String> RELAYED = Set.of("PRIVMSG", "NOTICE", "TAGMSG", "JOIN", "PART", "TOPIC", "MODE", "KICK", "INVITE", "NICK", "AWAY", "SETNAME");
    static final long NODE_TIMEOUT_SECONDS = 6;
    private static final long SECOND = 1_000_000_000L;
    private static final long SPLIT_NANOS = 3 * SECOND;

    private final Hub hub;
    private final Bus bus;
    private final String node;
    private final Executor loop;
    private final RemoteUsers remote;
    private final ClusterConsole console;
    private final ClusterAccounts accounts;
    /** The other nodes heard from, with when. */
    private final Map<String, Long> nodes = new HashMap<>();
    /** Our users by cluster id, from their CLAIM on. */
    private final Map<String, Connection> local = new HashMap<>();
    private final Set<Connection> claiming = new java.util.HashSet<>();
    /** Our commands published and not yet back, by event number: run here if the bus fails them. */
    private final LinkedHashMap<Long, Runnable> inFlight = new LinkedHashMap<>();
    private long nextId = 1;
    private long nextEvent = 1;
    private long lastSeq;
    private boolean whole;
    private long ownHeardNanos;
    private boolean applying;

    Cluster(Hub hub, Bus bus, String node, Executor loop, ClusterConsole console) {
        this.hub = hub;
        this.bus = bus;
        this.node = node;
        this.loop = loop;
        this.console = console;
        this.remote = new RemoteUsers(hub, this::holdsInCluster);
        this.accounts = new ClusterAccounts(hub, this);
        hub.logins().accounts().share(accounts);
        this.ownHeardNanos = hub.clock().nanos();
    }

    /** Connects the bus (blocking: call it off the loop, before listening), then starts the heartbeat on the loop. */
    public void start() {
        bus.claim(node);
        bus.start(this);
        loop.execute(this::tick);
    }

    public String node() {
        return node;
    }

    /** True while an event of the cluster is being applied (its effects are not published again). */
    public boolean applying() {
        return applying;
    }

    @Override
    public void received(long seq, String event) {
        loop.execute(() -> onEvent(seq, event));
    }

    @Override
    public void connected(boolean up) {
        loop.execute(() -> {
            if (!up) split("lost its connection to Redis");
        });
    }

    private void tick() {
        long now = hub.clock().nanos();
        publish(Message.of(node, "HB"));
        bus.renew().thenAccept(held -> {
            if (!held) loop.execute(() -> hub.events().event("Cluster: another server runs as node " + node + ": give one of them another --node-name."));
        });
        for (String n : new ArrayList<>(nodes.keySet())) if (now - nodes.get(n) > NODE_TIMEOUT_SECONDS * SECOND) lost(n, "stopped answering");
        if (whole && now - ownHeardNanos > SPLIT_NANOS) split("cannot reach Redis");
        hub.clock().schedule(this::tick, SECOND);
    }

    private void onEvent(long seq, String line) {
        if (lastSeq != 0 && seq > lastSeq + 1 && whole) resync(seq - lastSeq - 1);
        lastSeq = seq;
        Message e;
        try {
            e = Message.parse(line);
        } catch (RuntimeException bad) {
            return;
        }
        if (e == null || e.prefix() == null) return;
        boolean mine = node.equals(e.prefix());
        if (mine) {
            ownHeardNanos = hub.clock().nanos();
            if (!whole) heal();
        } else {
            heard(e.prefix());
        }
        if (mine && e.tags().containsKey("e")) inFlight.remove(Long.parseLong(e.tags().get("e")));
        applying = true;
        try {
            apply(e, mine);
        } catch (RuntimeException bug) {
            hub.events().event("Cluster: could not apply " + e.command() + " from " + e.prefix() + ": " + bug);
        } finally {
            applying = false;
            hub.output().unpin();
        }
    }

    private void apply(Message e, boolean mine) {
        switch (e.command()) {
            case "BURST" -> {
                if (!mine && node.equals(e.param(0))) burst();
            }
            case "USER" -> {
                if (mine) claimed(e);
                else remote.add(e);
            }
            case "ADMIT", "QUEUE" -> {
                Connection g = mine ? null : remote.find(e.param(0));
                if (g != null && e.command().equals("ADMIT")) remote.admit(g);
                else if (g != null) remote.queue(g);
            }
            case "CMD" -> command(e, mine);
            case "GONE" -> {
                if (!mine) remote.remove(e.param(0), new Departure(DisconnectReason.REMOTE, e.param(1)));
            }
            case "ROOM" -> {
                if (!mine) remote.room(e);
            }
            case "ADMIN" -> console.apply(e.param(0), mine);
            case "ACCT" -> accounts.apply(e, mine);
            case "LOGIN" -> {
                if (!mine) accounts.login(e, remote);
            }
            default -> { }
        }
    }

    /** A node heard for the first time (or again after being lost) gets our users and rooms, and is asked for its own. */
    private void heard(String other) {
        Long was = nodes.put(other, hub.clock().nanos());
        if (was != null || !whole) return;
        hub.events().event("Cluster: node " + other + " is here.");
        burst();
        publish(Message.of(node, "BURST", other));
    }

    private void burst() {
        for (Connection c : local.values()) {
            if (claiming.contains(c) || c.isClosed()) continue;
            char state = c.isRegistered() ? 'R' : c.state() == Connection.State.PENDING ? 'P' : 'C';
            publish(RemoteUsers.describe(node, c, state));
        }
        for (Room room : hub.rooms().all()) {
            List<Connection> ours = new ArrayList<>();
            for (Connection m : room.members()) if (!m.isRemote() && m.clusterId() != null) ours.add(m);
            if (!ours.isEmpty()) publish(RemoteUsers.describe(node, room, ours));
        }
    }

    /** Events were missed (the subscription dropped for a moment): what others have is rebuilt from their bursts. */
    private void resync(long missed) {
        hub.events().event("Cluster: " + missed + " event(s) missed; asking the other nodes for their users again.");
        for (String n : new ArrayList<>(nodes.keySet())) lost(n, "events were missed");
    }

    private void lost(String other, String why) {
        nodes.remove(other);
        int users = remote.nodeLost(other);
        hub.events().event("Cluster: node " + other + " " + why + "; its " + users + " user(s) quit (node lost).");
    }

    private void split(String why) {
        if (!whole) return;
        whole = false;
        hub.events().event("Cluster: this node " + why + ": the chat is split. Local users go on among themselves.");
        tellLocal("The chat is split: this server " + why + ". You see only the people on this server until it heals.");
        for (String n : new ArrayList<>(nodes.keySet())) lost(n, "is out of reach");
        for (String n : remote.nodes()) lost(n, "is out of reach");
        List<Runnable> pending = new ArrayList<>(inFlight.values());
        inFlight.clear();
        for (Runnable r : pending) r.run();
    }

    private void heal() {
        whole = true;
        if (everWhole) {
            hub.events().event("Cluster: Redis is back; the chat heals.");
            tellLocal("The chat is whole again.");
        }
        everWhole = true;
        for (Connection c : hub.users().all()) if (!c.isRemote() && c.state() == Connection.State.REGISTERING) hub.tryRegister(c);
    }

    private boolean everWhole;

    private void tellLocal(String text) {
        for (Connection c : hub.users().all()) if (!c.isRemote() && c.isRegistered()) hub.output().replies(c).notice(text).flush();
    }

    // ---- our users ----

    /**
     * Before a registration goes on, its nick must be ours in the whole cluster: the claim is
     * published and the registration waits for it to come back (first claim in the bus's order wins).
     */
    boolean nickClaimed(Connection c, Replies r) {
        if (c.clusterId() != null && !claiming.contains(c)) return true;
        if (!whole) {
            r.note("CLUSTER_SPLIT", "The chat is split; you can join once it heals.").flush();
            return false;
        }
        if (claiming.contains(c)) return false;
        c.clusterId(node + ":" + Long.toString(nextId++, 36), false);
        local.put(c.clusterId(), c);
        claiming.add(c);
        publish(RemoteUsers.describe(node, c, 'C'));
        return false;
    }

    private void claimed(Message e) {
        Connection c = local.get(e.param(0));
        if (c == null || !claiming.remove(c) || c.isClosed()) return;
        Connection holder = hub.users().find(e.param(1));
        if (holder != null && holder != c && !holdsInCluster(holder)) {
            remote.bump(holder);
            holder = null;
        }
        if (holder != null && holder != c || c.nick() == null || !dev.chatroom.irc.Casemapping.equals(e.param(1), c.nick())) {
            local.remove(c.clusterId());
            c.clusterId(null, false);
            if (holder != null && holder != c) {
                String nick = c.nick();
                hub.users().release(c);
                hub.output().replies(c).numeric(dev.chatroom.irc.Numeric.ERR_NICKNAMEINUSE, nick, "Nickname is already in use").flush();
            }
            hub.tryRegister(c);
            return;
        }
        hub.tryRegister(c);
    }

    /** Our user was let in (ADMIT) or queued for the admin (QUEUE): the others mirror it. */
    void registered(Connection c, boolean admitted) {
        if (c.isRemote() || c.clusterId() == null) return;
        publish(Message.of(node, admitted ? "ADMIT" : "QUEUE", c.clusterId()));
    }

    /** Our user left: the others announce its QUIT with the same words. */
    void departed(Connection c, Departure d) {
        if (c.isRemote() || c.clusterId() == null) return;
        local.remove(c.clusterId());
        claiming.remove(c);
        if (whole) publish(Message.trailing(node, "GONE", c.clusterId(), d.quitMessage()));
    }

    /** True when the nick h holds is h's in the whole cluster (not only on this node, waiting for its claim). */
    boolean holdsInCluster(Connection h) {
        return h.isRemote() || h.clusterId() != null && !claiming.contains(h);
    }

    /** A connection of ours still registering gives way to a nick the cluster gave someone else. */
    void yieldNick(Connection holder) {
        remote.bump(holder);
    }

    /** Dispatcher: true when the command was published, to run when it comes back. */
    public boolean relay(Connection c, Message m) {
        if (!whole || applying || c.isRemote() || c.clusterId() == null || !c.isRegistered() || !RELAYED.contains(m.command())) return false;
        long time = hub.clock().millis();
        String msgid = hub.output().newMsgid();
        Message e = Message.create(Map.of("t", Long.toString(time), "m", msgid), node, "CMD", List.of(c.clusterId(), m.toString()), true);
        return share(e, () -> runHere(c, m, time, msgid));
    }

    /** Our user logged in after registering: the others show its account too. */
    void loggedIn(Connection c) {
        accounts.loggedIn(c);
    }

    /**
     * Publishes an event of ours that has to take effect: when the bus fails it, fallback runs
     * here instead (as everything does on a split). False when split: nothing was published.
     */
    boolean share(Message e, Runnable fallback) {
        if (!whole) return false;
        long ev = nextEvent++;
        inFlight.put(ev, fallback);
        Map<String, String> tags = new HashMap<>(e.tags());
        tags.put("e", Long.toString(ev));
        bus.publish(e.withTags(tags).toString()).whenComplete((seq, failure) -> {
            if (failure != null) loop.execute(() -> {
                Runnable r = inFlight.remove(ev);
                if (r != null) r.run();
            });
        });
        return true;
    }

    private void command(Message e, boolean mine) {
        Connection c = mine ? local.get(e.param(0)) : remote.find(e.param(0));
        if (c == null || c.isClosed()) return;
        Message m = Message.parse(e.param(1));
        hub.output().pin(Long.parseLong(e.tags().get("t")), e.tags().get("m"));
        hub.dispatcher().dispatch(c, m);
    }

    /** The bus failed a command of ours: it runs here alone, as on a split. */
    private void runHere(Connection c, Message m, long time, String msgid) {
        if (c.isClosed()) return;
        applying = true;
        try {
            hub.output().pin(time, msgid);
            hub.dispatcher().dispatch(c, m);
        } finally {
            applying = false;
            hub.output().unpin();
        }
    }

    /** A console line that changes what others see: published, and run on every node when it comes back. */
    public boolean relayConsole(String line) {
        if (!whole || applying) return false;
        publish(Message.trailing(node, "ADMIN", line));
        return true;
    }

    private void publish(Message e) {
        bus.publish(e.toString());
    }

    public void close() {
        bus.close();
    }

    /** Runs a console line relayed by a node (mine: this one, whose console shows the answer). */
    public interface ClusterConsole {
        void apply(String line, boolean mine);
    }
}

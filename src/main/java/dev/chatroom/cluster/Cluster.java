package dev.chatroom.cluster;

import dev.chatroom.irc.Message;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Departure;
import dev.chatroom.server.DisconnectReason;
import dev.chatroom.server.Hub;
import dev.chatroom.server.Replication;
import dev.chatroom.server.UserMode;
import dev.chatroom.server.output.Replies;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

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
public final class Cluster implements Replication, Bus.Listener {
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
    private final ClusterCommands commands;
    private final ClusterNodes nodes;
    private final ClusterUsers users;
    private final InFlight inFlight = new InFlight(); // our commands published and not yet back

    private long lastSeq;
    private boolean whole;
    private long ownHeardNanos;
    private boolean applying;

    /**
     * Joins hub to the cluster on bus as the node named so, every event sealed with secret ({@link SealedBus});
     * {@link #start()} then connects. Called on the loop.
     */
    public Cluster(Hub hub, Bus bus, ClusterSecret secret, String node, Executor loop, ClusterConsole console) {
        this.hub = hub;
        RefusedEvents refused = new RefusedEvents(hub);
        this.bus = new SealedBus(bus, secret, hub.clock()::millis, why -> loop.execute(() -> refused.refused(why)));
        this.node = node;
        this.loop = loop;
        this.console = console;
        this.users = new ClusterUsers(hub, this, node);
        this.remote = new RemoteUsers(hub, this::holdsInCluster);
        users.remote(remote);
        this.accounts = new ClusterAccounts(hub, this);
        this.commands = new ClusterCommands(hub, this);
        this.nodes = new ClusterNodes(hub, this, node, users, remote);
        hub.logins().accounts().share(accounts);
        hub.output().node(node);
        hub.replication(this);
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

    @Override
    public int servers() {
        return nodes.count() + 1;
    }

    @Override
    public boolean joined() {
        return whole;
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
        if (!up) loop.execute(() -> split("lost its connection to Redis"));
    }

    private void tick() {
        long now = hub.clock().nanos();
        publish(Message.of(node, "HB"));
        bus.renew().thenAccept(held -> {
            if (!held) loop.execute(() -> hub.events().event(ClusterEvents.nameTaken(node)));
        });
        nodes.checkTimeouts(now);
        if (whole && now - ownHeardNanos > SPLIT_NANOS) split("cannot reach Redis");
        hub.clock().schedule(this::tick, SECOND);
    }

    private void onEvent(long seq, String line) {
        if (lastSeq != 0 && seq > lastSeq + 1 && whole) resync(seq - lastSeq - 1);
        lastSeq = seq;
        hub.stats().busEvent();
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
        } else if (!e.command().equals("HELLO")) {
            nodes.heard(e.prefix(), whole);
        }
        if (mine
                && e.tags().containsKey("e")
                && !inFlight.back(Long.parseLong(e.tags().get("e")))) return;
        applying = true;
        try {
            apply(e, mine);
        } catch (RuntimeException bug) {
            hub.events().event(ClusterEvents.notApplied(e, bug));
        } finally {
            applying = false;
            hub.output().unpin();
        }
    }

    private void apply(Message e, boolean mine) {
        switch (e.command()) {
            case "USER" -> {
                if (mine) users.claimed(e);
                else remote.add(e);
            }
            case "CMD" -> commands.run(e, mine ? users.find(e.param(0)) : remote.find(e.param(0)));
            case "ADMIN" -> console.apply(e.param(0), e.tags().get("by"), mine);
            case "ACCT" -> accounts.apply(e, mine);
            default -> {
                if (!mine) fromOthers(e);
            }
        }
    }

    /** What only another node's event changes here: ours did it as it was made. */
    private void fromOthers(Message e) {
        switch (e.command()) {
            case "BURST" -> {
                if (node.equals(e.param(0))) nodes.burst();
            }
            case "HELLO" -> nodes.rejoined(e.prefix(), whole);
            case "ADMIT", "QUEUE" -> {
                Connection g = remote.find(e.param(0));
                if (g != null && e.command().equals("ADMIT")) remote.admit(g);
                else if (g != null) remote.queue(g);
            }
            case "GONE" -> remote.remove(e.param(0), new Departure(DisconnectReason.REMOTE, e.param(1)));
            case "ROOM" -> remote.room(e);
            case "MARK" -> accounts.markRead(e);
            case "REDACT" -> commands.redacted(e);
            case "PURGE" -> hub.history().forget(orNull(e.param(0)), orNull(e.param(1)));
            case "LOGIN" -> accounts.login(e, remote);
            case "OPER" -> {
                Connection g = remote.find(e.param(0));
                if (g != null) g.mode(UserMode.OPERATOR, true);
            }
            default -> {}
        }
    }

    /**
     * Events were missed (the connection went quiet for a moment, so ours may have failed too):
     * what each side holds of the other is rebuilt from bursts.
     */
    private void resync(long missed) {
        hub.events().event(ClusterEvents.missed(missed));
        hub.history().acknowledgements().relaysLost(); // ours may be among the missed: their senders wait no more
        nodes.loseAll("events were missed");
        publish(Message.of(node, "HELLO"));
    }

    private void split(String why) {
        if (!whole) return;
        whole = false;
        hub.events().event(ClusterEvents.split(why));
        tellLocal("The chat is split: this server " + why + ". You see only the people on this server until it heals.");
        nodes.loseAll("is out of reach");
        inFlight.runAllHere();
    }

    private void heal() {
        whole = true;
        if (everWhole) {
            hub.events().event(ClusterEvents.healed());
            tellLocal("The chat is whole again.");
            publish(Message.of(
                    node, "HELLO")); // what the others kept of our users went stale while they could not hear us
        }
        everWhole = true;
        for (Connection c : hub.users().all())
            if (!c.isRemote() && c.state() == Connection.State.REGISTERING) hub.tryRegister(c);
    }

    private boolean everWhole;

    private void tellLocal(String text) {
        for (Connection c : hub.users().all())
            if (!c.isRemote() && c.isRegistered())
                hub.output().replies(c).notice(text).flush();
    }

    // ---- our users (ClusterUsers) ----

    @Override
    public boolean nickClaimed(Connection c, Replies r) {
        if (!whole && !users.claimedBefore(c)) {
            r.note("CLUSTER_SPLIT", "The chat is split; you can join once it heals.")
                    .flush();
            return false;
        }
        return users.nickClaimed(c);
    }

    @Override
    public void registered(Connection c, boolean admitted) {
        users.registered(c, admitted);
    }

    @Override
    public void departed(Connection c, Departure d) {
        users.departed(c, d, whole);
    }

    boolean holdsInCluster(Connection h) {
        return users.holdsInCluster(h);
    }

    @Override
    public boolean yieldsTo(Connection claimant, Connection holder) {
        if (!holdsInCluster(claimant) || holder.isRegistered() || holdsInCluster(holder)) return false;
        remote.bump(holder); // the cluster's order gave the nick to claimant: a registration here still waiting for its
        // claim gives way
        return true;
    }

    @Override
    public boolean relay(Connection c, Message m) {
        return whole && commands.relay(c, m);
    }

    @Override
    public void loggedIn(Connection c) {
        accounts.loggedIn(c);
    }

    /** OPER id: one of ours became an IRC operator. */
    @Override
    public void opered(Connection c) {
        if (!c.isRemote() && c.clusterId() != null) publish(Message.of(node, "OPER", c.clusterId()));
    }

    /**
     * Publishes an event of ours that has to take effect: when the bus fails it, fallback runs
     * here instead (as everything does on a split). False when split: nothing was published.
     */
    boolean share(Message e, Runnable fallback) {
        if (!whole) return false;
        long ev = inFlight.add(fallback);
        Map<String, String> tags = new HashMap<>(e.tags());
        tags.put("e", Long.toString(ev));
        bus.publish(e.withTags(tags).toString()).whenComplete((seq, failure) -> {
            if (failure != null) loop.execute(() -> inFlight.failed(ev));
        });
        return true;
    }

    @Override
    public void markedRead(String account, String target, long millis) {
        accounts.markedRead(account, target, millis);
    }

    @Override
    public void purged(String roomKey, String nickKey) {
        publish(Message.of(node, "PURGE", roomKey == null ? "*" : roomKey, nickKey == null ? "*" : nickKey));
    }

    @Override
    public void redacted(Message redact, long timeMillis, String msgid, String senderNick) {
        publish(commands.redaction(redact, timeMillis, msgid, senderNick));
    }

    private static String orNull(String key) {
        return "*".equals(key) ? null : key;
    }

    /** Runs work here as an applied event stamped with time and msgid (the bus failed it, or the chat split). */
    void applyingAs(long time, String msgid, Runnable work) {
        applying = true;
        try {
            hub.output().pin(time, msgid);
            work.run();
        } finally {
            applying = false;
            hub.output().unpin();
        }
    }

    @Override
    public boolean relayConsole(String line, String by) {
        if (applying) return false;
        Message e = Message.trailing(node, "ADMIN", line);
        // failed by the bus: runs here, as everything does on a split, so the console gets its answer
        return share(
                by == null ? e : e.withTags(Map.of("by", by)),
                () -> applyingAs(0, null, () -> console.apply(line, by, true)));
    }

    void publish(Message e) {
        bus.publish(e.toString());
    }

    @Override
    public void close() {
        bus.close();
    }

    /** Runs a console line relayed by a node (mine: this one, whose console by, its token, shows the answer). */
    public interface ClusterConsole {
        void apply(String line, String by, boolean mine);
    }
}

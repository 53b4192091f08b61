package dev.chatroom.testing;

import dev.chatroom.cluster.Cluster;
import dev.chatroom.cluster.ClusterSecret;
import dev.chatroom.config.Settings;
import dev.chatroom.store.Stores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Several servers in one cluster with no network: each a real hub joined to an
 * {@link InMemoryBus} as launch.ChatServer joins Redis, all on one {@link ManualClock}, so
 * advancing it moves every node's heartbeats and timeouts together. A node's event loop is its
 * share of the clock's task queue: bus events reach it after the task that published them,
 * never inside it, and every client call returns once everything it caused everywhere is done.
 */
public final class InMemoryCluster implements AutoCloseable {
    /** The secret every node here shares. */
    public static final ClusterSecret SECRET = ClusterSecret.of("in-memory cluster secret, 32 characters or more");

    public final ManualClock clock = new ManualClock();
    public final InMemoryBus bus = new InMemoryBus(clock);
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final SharedStores stores;
    /** What nodes without a dir share: nothing kept, but one cloak secret, as a cluster's Redis gives them one. */
    private final Stores none = Stores.none();

    private record Node(InMemoryServer server, NodeClock clock, InMemoryBus.Client link, Cluster cluster) {}

    /** Nodes that keep nothing (no history, no stored accounts). */
    public InMemoryCluster() {
        stores = null;
    }

    /** Nodes sharing one set of stores in dir, as a cluster's nodes share Redis: history, accounts, rooms, bans. */
    public InMemoryCluster(Path dir) {
        stores = new SharedStores(dir, InMemoryServer.config(b -> b.dataDir(dir)));
    }

    public InMemoryServer start(String name) {
        return start(name, b -> {});
    }

    /**
     * Starts a node as launch.ChatServer does: the hub, then the cluster, which claims the name
     * (waiting, as the clock passes, for a dead node's name to run out; {@link
     * dev.chatroom.cluster.Bus.NameTaken} when a running node holds it) and starts its heartbeat.
     * Returns once the node has heard itself on the bus.
     */
    public InMemoryServer start(String name, Consumer<Settings> changes) {
        NodeClock nodeClock = new NodeClock(clock);
        InMemoryServer server = new InMemoryServer(
                InMemoryServer.config(changes.andThen(b -> b.nodeName(name))),
                clock,
                nodeClock,
                stores == null ? none : stores.forNode());
        InMemoryBus.Client link = bus.connect();
        Cluster cluster = new Cluster(server.hub, link, SECRET, name, nodeClock::later, server.admins::relayed);
        try {
            cluster.start();
        } catch (RuntimeException e) {
            nodeClock.kill();
            link.close();
            throw e;
        }
        nodes.put(name, new Node(server, nodeClock, link, cluster));
        clock.runPending();
        return server;
    }

    private Node find(String name) {
        Node n = nodes.get(name);
        if (n == null) throw new IllegalArgumentException("no node " + name);
        return n;
    }

    /** The node dies at once (kill -9): it runs nothing more, says nothing, and its name stays held until the lease runs out. */
    public void kill(String name) {
        Node n = find(name);
        nodes.remove(name);
        n.clock.kill();
        n.link.cut(); // its connection to Redis ends with the process
    }

    /** Stops the node as a shutdown does: its users told and gone (the others hear it), then its name let go. */
    public void stop(String name) {
        Node n = find(name);
        nodes.remove(name);
        n.server.shutdown("stopping");
        n.cluster.close();
        n.clock.kill();
        clock.runPending();
    }

    /** The node's connection to Redis breaks and it knows it (Redis down, connection refused). */
    public void cut(String name) {
        find(name).link.cut();
        clock.runPending();
    }

    /** The node's connection to Redis goes quiet without breaking: it finds out only by not hearing itself. */
    public void cutQuietly(String name) {
        find(name).link.cutQuietly();
        clock.runPending();
    }

    /** What the node publishes reaches everyone, but the answers are lost: see {@link InMemoryBus.Client#loseAnswers}. */
    public void loseAnswers(String name) {
        find(name).link.loseAnswers();
    }

    public void reconnect(String name) {
        find(name).link.reconnect();
        clock.runPending();
    }

    public void advance(Duration d) {
        clock.advance(d);
    }

    @Override
    public void close() {
        for (Node n : nodes.values()) n.clock.kill();
        nodes.clear();
        if (stores != null) stores.close();
    }
}

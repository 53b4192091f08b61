package dev.chatroom.cluster;

import dev.chatroom.irc.Message;
import dev.chatroom.log.Event;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Hub;
import dev.chatroom.server.Room;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The other nodes as this one knows them: when each was last heard, and what they were told.
 * Nodes meeting (for the first time, or again after one lost the other) exchange bursts, the
 * USER and ROOM events of their own users, so each mirrors the other's users. One silent for
 * {@value Cluster#NODE_TIMEOUT_SECONDS} s is lost: its users quit here.
 *
 * <p>BURST node: that node is asked for its burst. HELLO: the sender lost track of the cluster (a
 * split, missed events) and starts afresh: what the others mirror of its users may be stale (who
 * left, or changed nick, while its events could not be heard), so they drop it and take its burst.
 */
final class ClusterNodes {
    private static final long TIMEOUT_NANOS = Cluster.NODE_TIMEOUT_SECONDS * 1_000_000_000L;

    private final Hub hub;
    private final Cluster cluster;
    private final String node;
    private final ClusterUsers users;
    private final RemoteUsers remote;
    private final Map<String, Long> lastHeard = new HashMap<>();

    ClusterNodes(Hub hub, Cluster cluster, String node, ClusterUsers users, RemoteUsers remote) {
        this.hub = hub;
        this.cluster = cluster;
        this.node = node;
        this.users = users;
        this.remote = remote;
    }

    /** The other nodes heard. */
    int count() {
        return lastHeard.size();
    }

    /** An event from other: a node heard for the first time (or again after being lost) gets our burst, and is asked for its own. */
    void heard(String other, boolean whole) {
        Long was = lastHeard.put(other, hub.clock().nanos());
        if (was != null || !whole) return;
        hub.events()
                .event(Event.info("node_joined", "Cluster: node " + other + " is here.")
                        .with("node", other));
        burst();
        cluster.publish(Message.of(node, "BURST", other));
    }

    /** other starts afresh (HELLO): what we mirror of it is dropped, to be rebuilt from its burst; it gets ours. */
    void rejoined(String other, boolean whole) {
        int dropped = remote.nodeLost(other);
        if (dropped > 0)
            hub.events()
                    .event(Event.warn(
                                    "node_restarted",
                                    "Cluster: node " + other + " lost track of the cluster; its " + dropped
                                            + " user(s) quit (node lost) until it tells us again.")
                            .with("node", other)
                            .with("users", dropped));
        lastHeard.remove(other);
        heard(other, whole);
    }

    /** Our users, and the rooms they are in, for the others. */
    void burst() {
        users.burst();
        for (Room room : hub.rooms().all()) {
            List<Connection> ours = new ArrayList<>();
            for (Connection m : room.members()) if (!m.isRemote() && m.clusterId() != null) ours.add(m);
            if (!ours.isEmpty()) cluster.publish(RemoteUsers.describe(node, room, ours));
        }
    }

    /** Every heartbeat: the nodes silent for too long are lost. */
    void checkTimeouts(long now) {
        for (String n : new ArrayList<>(lastHeard.keySet()))
            if (now - lastHeard.get(n) > TIMEOUT_NANOS) lost(n, "stopped answering");
    }

    /** Every other node, and every node we mirror users of: we can no longer tell what they hold. */
    void loseAll(String why) {
        for (String n : new ArrayList<>(lastHeard.keySet())) lost(n, why);
        for (String n : remote.nodes()) lost(n, why);
    }

    private void lost(String other, String why) {
        lastHeard.remove(other);
        int quit = remote.nodeLost(other);
        hub.events()
                .event(Event.warn(
                                "node_lost",
                                "Cluster: node " + other + " " + why + "; its " + quit + " user(s) quit (node lost).")
                        .with("node", other)
                        .reason(why)
                        .with("users", quit));
    }
}

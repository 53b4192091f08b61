package dev.chatroom.cluster;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Message;
import dev.chatroom.irc.Numeric;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Departure;
import dev.chatroom.server.Hub;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * This node's own users as the cluster knows them: each gets a cluster id when it first
 * claims its nick, and the others mirror it from its USER event on (claimed, then queued or
 * admitted, then gone). A nick is a user's once its claim comes back from the bus before
 * anyone else's: the first claim in the bus's order wins on every node.
 */
final class ClusterUsers {
    private final Hub hub;
    private final Cluster cluster;
    private final String node;
    private RemoteUsers remote;
    /** Our users by cluster id, from their claim on. */
    private final Map<String, Connection> local = new HashMap<>();
    /** Those whose claim has not come back yet. */
    private final Set<Connection> claiming = new HashSet<>();

    private long nextId = 1;

    ClusterUsers(Hub hub, Cluster cluster, String node) {
        this.hub = hub;
        this.cluster = cluster;
        this.node = node;
    }

    void remote(RemoteUsers remote) {
        this.remote = remote;
    }

    Connection find(String id) {
        return local.get(id);
    }

    /** c's claim already came back: its nick is its own, split or not. */
    boolean claimedBefore(Connection c) {
        return c.clusterId() != null && !claiming.contains(c);
    }

    /** True when c's nick is its own in the cluster; otherwise its claim is published (once) and it waits. */
    boolean nickClaimed(Connection c) {
        if (claimedBefore(c)) return true;
        if (claiming.contains(c)) return false;
        c.clusterId(node + ":" + Long.toString(nextId++, 36), false);
        local.put(c.clusterId(), c);
        claiming.add(c);
        cluster.publish(RemoteUsers.describe(node, c, 'C'));
        return false;
    }

    /** Our claim came back: the nick is c's unless someone else's claim for it came first. */
    void claimed(Message e) {
        Connection c = local.get(e.param(0));
        if (c == null || !claiming.remove(c) || c.isClosed()) return;
        if (c.nick() == null || !Casemapping.equals(e.param(1), c.nick())) {
            // c let go of the nick while its claim travelled (a NICK, or a claim before it took it, with 433):
            // where this claim came first, the others hold the nick for it, so they are told it went
            forget(c);
            cluster.publish(Message.trailing(node, "GONE", e.param(0), "nick given up"));
        } else {
            Connection holder = hub.users().find(e.param(1));
            if (holder != null && holder != c && !holdsInCluster(holder)) {
                remote.bump(holder);
                holder = null;
            }
            if (holder != null && holder != c) {
                forget(c);
                hub.users().release(c);
                hub.output()
                        .replies(c)
                        .numeric(Numeric.ERR_NICKNAMEINUSE, e.param(1), "Nickname is already in use")
                        .flush();
            }
        }
        hub.tryRegister(c);
    }

    /** c's claim is over: its next registration attempt claims its nick anew. */
    private void forget(Connection c) {
        local.remove(c.clusterId());
        c.clusterId(null, false);
    }

    /** Our user was let in (ADMIT) or queued for the admin (QUEUE): the others mirror it. */
    void registered(Connection c, boolean admitted) {
        if (c.isRemote() || c.clusterId() == null) return;
        cluster.publish(Message.of(node, admitted ? "ADMIT" : "QUEUE", c.clusterId()));
    }

    /** Our user left: the others announce its QUIT with the same words. */
    void departed(Connection c, Departure d, boolean whole) {
        if (c.isRemote() || c.clusterId() == null) return;
        local.remove(c.clusterId());
        claiming.remove(c);
        if (whole) cluster.publish(Message.trailing(node, "GONE", c.clusterId(), d.quitMessage()));
    }

    /** True when the nick h holds is h's in the whole cluster (not only on this node, waiting for its claim). */
    boolean holdsInCluster(Connection h) {
        return h.isRemote() || h.clusterId() != null && !claiming.contains(h);
    }

    /** Every user of ours, for a node that just heard us (or heard us again). */
    void burst() {
        for (Connection c : local.values()) {
            if (claiming.contains(c) || c.isClosed()) continue;
            char state = c.isRegistered() ? 'R' : c.state() == Connection.State.PENDING ? 'P' : 'C';
            cluster.publish(RemoteUsers.describe(node, c, state));
        }
    }
}

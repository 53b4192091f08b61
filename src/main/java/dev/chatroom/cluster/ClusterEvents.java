package dev.chatroom.cluster;

import dev.chatroom.irc.Message;
import dev.chatroom.log.Event;

/** What {@link Cluster} tells the admin about the bus and the split, as events. */
final class ClusterEvents {
    private ClusterEvents() {}

    static Event nameTaken(String node) {
        return Event.error(
                        "node_name_taken",
                        "Cluster: another server runs as node " + node + ": give one of them another --node-name.")
                .with("node", node);
    }

    static Event notApplied(Message e, RuntimeException bug) {
        return Event.error(
                        "cluster_apply_failed",
                        "Cluster: could not apply " + e.command() + " from " + e.prefix() + ": " + bug)
                .with("node", e.prefix())
                .with("command", e.command())
                .with("error", bug.toString());
    }

    static Event missed(long missed) {
        return Event.warn(
                        "cluster_events_missed",
                        "Cluster: " + missed + " event(s) missed; asking the other nodes for their users again.")
                .with("count", missed);
    }

    static Event split(String why) {
        return Event.warn(
                        "cluster_split",
                        "Cluster: this node " + why + ": the chat is split. Local users go on among themselves.")
                .reason(why);
    }

    static Event healed() {
        return Event.info("cluster_healed", "Cluster: Redis is back; the chat heals.");
    }
}

package dev.chatroom.cluster;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Message;
import dev.chatroom.server.Acknowledgements;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Hub;
import dev.chatroom.server.Redactions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's command that changes what others see, in a cluster: published as a CMD event with
 * the time and msgid it got here, and dispatched on every node when it comes back, as if its
 * sender were local there, so every node stamps it alike. Until it is back and run here, its
 * sender's output waits: the PONG of a PING sent after a message must not come before the
 * message is stored.
 *
 * <p>CMD id :line, tags t (time) and m (msgid)
 */
final class ClusterCommands {
    private final Hub hub;
    private final Cluster cluster;

    ClusterCommands(Hub hub, Cluster cluster) {
        this.hub = hub;
        this.cluster = cluster;
    }

    /** True when the command (one whose row is cluster-wide) was published, to run when it comes back. */
    boolean relay(Connection c, Message m) {
        if (cluster.applying() || c.isRemote() || c.clusterId() == null || !c.isRegistered()) return false;
        long time = hub.clock().millis();
        String msgid = hub.output().newMsgid();
        Message e = Message.create(
                Map.of("t", Long.toString(time), "m", msgid),
                cluster.node(),
                "CMD",
                List.of(c.clusterId(), published(c, m).toString()),
                true);
        Acknowledgements acks = hub.history().acknowledgements();
        acks.relaying(c); // first: the bus may hand it back before share returns
        boolean shared = cluster.share(e, () -> {
            if (!c.isClosed())
                cluster.applyingAs(time, msgid, () -> hub.dispatcher().dispatch(c, m));
            acks.relayed(c);
        });
        if (!shared) acks.relayed(c);
        return shared;
    }

    /**
     * The line as the other nodes run it: what the sender negotiated stays here, so its client-only
     * tags (+name) travel only when it negotiated message-tags, and the others relay what arrives.
     */
    private static Message published(Connection c, Message m) {
        if (c.has(Capability.MESSAGE_TAGS)) return m;
        Map<String, String> kept = new LinkedHashMap<>();
        m.tags().forEach((k, v) -> {
            if (!k.startsWith("+")) kept.put(k, v);
        });
        return kept.size() == m.tags().size() ? m : m.withTags(kept);
    }

    /** A CMD event back from the bus: its sender (ours or mirrored) runs it. */
    void run(Message e, Connection sender) {
        if (sender == null || sender.isClosed()) return;
        Message m = Message.parse(e.param(1));
        hub.output().pin(Long.parseLong(e.tags().get("t")), e.tags().get("m"));
        hub.dispatcher().dispatch(sender, m);
        hub.history().acknowledgements().relayed(sender); // one of ours: what it said is stored or waits for a ticket
    }

    /** REDACT sender|* :line, tags t (time) and m (msgid): a message deleted on this node, for the others to tell. */
    Message redaction(Message redact, long timeMillis, String msgid, String senderNick) {
        return Message.create(
                Map.of("t", Long.toString(timeMillis), "m", msgid),
                cluster.node(),
                "REDACT",
                List.of(senderNick == null ? "*" : senderNick, redact.toString()),
                true);
    }

    /** Another node's REDACT event: our users are told, our replay forgets the message. */
    void redacted(Message e) {
        new Redactions(hub)
                .redactedElsewhere(
                        Message.parse(e.param(1)),
                        Long.parseLong(e.tags().get("t")),
                        e.tags().get("m"),
                        "*".equals(e.param(0)) ? null : e.param(0));
    }
}

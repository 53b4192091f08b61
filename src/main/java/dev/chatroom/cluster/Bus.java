package dev.chatroom.cluster;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * How the nodes of a cluster hear each other: every event published reaches every node, the
 * publisher included, in one order for all of them, each with the next number of one sequence
 * (a gap means events were missed). Implemented on Redis by {@link RedisBus}.
 */
public interface Bus extends AutoCloseable {
    /**
     * How long a node's name outlives its last heartbeat: longer than the others take to call
     * the node lost, so a node restarted under its name after a crash is new to them.
     */
    Duration LEASE = Duration.ofSeconds(8);

    /** How long {@link #claim} waits for a name left by a server that died: its lease, and a second to spare. */
    Duration CLAIM_WAIT = LEASE.plusSeconds(1);

    /** Receives events and connection changes on the bus's own thread; hand them to the event loop. */
    interface Listener {
        void received(long seq, String event);

        /** The bus lost (false) or regained (true) its connection. */
        void connected(boolean up);
    }

    void start(Listener listener);

    /**
     * Takes the node name for this server, waiting (blocking, at most {@link #CLAIM_WAIT}) for a name left
     * by a server that died. Fails with {@link NameTaken} when a running server holds it: two
     * nodes of one name would take each other's events for their own.
     */
    void claim(String node);

    /** Holds the name for another lease; called every heartbeat. False when another server took it meanwhile. */
    CompletionStage<Boolean> renew();

    final class NameTaken extends RuntimeException {
        public NameTaken(String node) {
            super("the node name " + node + " is in use by another running server: choose another --node-name");
        }
    }

    /** Sends the event; the stage fails at once when the bus is unreachable (nothing is queued for later). */
    CompletionStage<Long> publish(String event);

    /** Waits (bounded) for what was published to be sent, then disconnects. */
    @Override
    void close();
}

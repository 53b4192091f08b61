package dev.chatroom.server;

import dev.chatroom.irc.Message;
import dev.chatroom.server.output.Replies;

/**
 * What the core asks of the cluster this server may be part of. On its own a server uses
 * {@link #STANDALONE}: every nick is its own at once, nothing is relayed. In a cluster
 * ({@code dev.chatroom.cluster.Cluster}) what changes the chat is published and run on every
 * node in the bus's one order. All of it is called on the event loop.
 */
public interface Replication {
    /** Before a registration goes on, its nick must be its own in the whole cluster; false: it waits for its claim. */
    boolean nickClaimed(Connection c, Replies r);

    /** c, one of ours, was let in (admitted) or queued for the admin. */
    void registered(Connection c, boolean admitted);

    /** c left: the others announce its quit. */
    void departed(Connection c, Departure d);

    /**
     * claimant takes a nick holder has here: true when the cluster's order gave it to claimant
     * and holder, still registering here, had to give way (it was told with 433).
     */
    boolean yieldsTo(Connection claimant, Connection holder);

    /** A command whose row says it changes what others see: true when it was published, to run when it comes back. */
    boolean relay(Connection c, Message m);

    /** c logged in after registering: the others show its account too. */
    void loggedIn(Connection c);

    /** c became an IRC operator (OPER): the others show it too (dropping it is a MODE, relayed as any). */
    void opered(Connection c);

    /** A read marker of an account (its key) moved forward here: the other nodes tell its connections there. */
    void markedRead(String account, String target, long millis);

    /** The admin erased a room's (roomKey) or a person's (nickKey) history: the others stop replaying it. */
    void purged(String roomKey, String nickKey);

    /**
     * A message was deleted here: the others tell their members (those who negotiated it) the
     * REDACT line, stamped with its time and msgid, and stop replaying the message; senderNick:
     * whose it was (the other side of a private message).
     */
    void redacted(Message redact, long timeMillis, String msgid, String senderNick);

    /**
     * A console line that changes what others see: true when it was published, to run on every
     * node. by (the typing console's token, or null) comes back with it.
     */
    boolean relayConsole(String line, String by);

    /** The servers this one hears, itself included (LUSERS). */
    int servers();

    /** True while this server hears its cluster (on its own: always): what readiness means for a node. */
    boolean joined();

    /** Leaves the cluster (after our users' departures were published). */
    void close();

    Replication STANDALONE = new Standalone();

    /** A server on its own: every nick is its own at once, nothing is relayed. Tests extend it to record what would be relayed. */
    class Standalone implements Replication {
        @Override
        public boolean nickClaimed(Connection c, Replies r) {
            return true;
        }

        @Override
        public void registered(Connection c, boolean admitted) {}

        @Override
        public void departed(Connection c, Departure d) {}

        @Override
        public boolean yieldsTo(Connection claimant, Connection holder) {
            return false;
        }

        @Override
        public boolean relay(Connection c, Message m) {
            return false;
        }

        @Override
        public void loggedIn(Connection c) {}

        @Override
        public void opered(Connection c) {}

        @Override
        public void markedRead(String account, String target, long millis) {}

        @Override
        public void purged(String roomKey, String nickKey) {}

        @Override
        public void redacted(Message redact, long timeMillis, String msgid, String senderNick) {}

        @Override
        public boolean relayConsole(String line, String by) {
            return false;
        }

        @Override
        public int servers() {
            return 1;
        }

        @Override
        public boolean joined() {
            return true;
        }

        @Override
        public void close() {}
    }
}

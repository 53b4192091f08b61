package dev.chatroom.server;

import dev.chatroom.server.output.Output;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Durable acknowledgement: whatever a client is sent after one of its messages (the echo, a
 * labeled ACK, the PONG of a later PING) tells it the message is safe, so it goes out only once
 * the history store has written the message. The store gives each message a ticket and reports,
 * in order, how far it has written. A sender's link holds its output from the place it had
 * reached when its oldest unwritten message was said; each report moves that place on, so a
 * sender who never pauses still gets what came before. Deliveries to others do not wait. In a
 * cluster a command goes through the bus before it is run and stored, so its sender's output is
 * held from the moment it is published. Owned by the loop.
 *
 * <p>A store that writes nothing for {@link #LATE_NANOS} (Redis unreachable, a disk that hangs)
 * is late: what waits is sent, each sender is told once, and nothing waits until the store has
 * caught up. Answers come late for a moment, never forever.
 */
public final class Acknowledgements {
    static final String NOT_STORED = "HISTORY_NOT_STORED";
    static final String DELAYED = "HISTORY_DELAYED";
    /** A store that has not written a message this long after it was said is late: between this and twice this. */
    static final long LATE_NANOS = TimeUnit.SECONDS.toNanos(3);
    /** A relayed command's place before it is run: it waits for whatever it stores, unknown until then. */
    private static final long RELAYING = Long.MAX_VALUE;

    private final Output output;
    private final Clock clock;
    /** History is kept: without it nothing waits. */
    private final boolean on;

    private final Map<Connection, Waiting> waiting = new IdentityHashMap<>();
    /** The highest ticket reported written (or given up), and the highest handed out. */
    private long settled;

    private long issued;
    /** Reports so far: a sender is told once per report that some of its messages were not stored. */
    private long reports;
    /** The highest ticket handed out at the last look for a late store; a look is scheduled while looking. */
    private long issuedAtLook;

    private boolean looking;
    private boolean late;
    private final Set<Connection> toldLate = Collections.newSetFromMap(new IdentityHashMap<>());

    Acknowledgements(Output output, Clock clock, boolean on) {
        this.output = output;
        this.clock = clock;
        this.on = on;
    }

    /** c's message got this ticket from the store (0: nothing to wait for): c's output from here on waits for it. */
    void stored(Connection c, long ticket) {
        if (ticket <= 0 || c.isRemote()) return;
        issued = Math.max(issued, ticket);
        if (late) {
            tellLate(c);
            return;
        }
        if (ticket <= settled) return; // written already (a store writing inline)
        waitingFor(c).add(ticket, c.link().mark());
        holdFrom(c);
        if (!looking) lookLater();
    }

    /** c's command was published to the cluster: c's output from here on waits until it is run ({@link #relayed}). */
    public void relaying(Connection c) {
        if (!on) return;
        waitingFor(c).add(RELAYING, c.link().mark());
        holdFrom(c);
    }

    /** c's oldest published command has been run (or never will be): it waits for what that stored. */
    public void relayed(Connection c) {
        Waiting w = waiting.get(c);
        if (w == null) return;
        w.resolveOldestRelay(settled);
        advance(c, w);
    }

    /** Events were missed: commands still on their way may be lost, so nobody waits for them any more. */
    public void relaysLost() {
        for (Connection c : new ArrayList<>(waiting.keySet())) gone(c);
    }

    /** c is gone: its published commands will not run; its messages are still waited for (its last lines too). */
    void gone(Connection c) {
        Waiting w = waiting.get(c);
        if (w == null) return;
        while (w.hasRelay()) w.resolveOldestRelay(settled);
        advance(c, w);
    }

    /** The store's report: every ticket up to through is written (stored) or given up after an error. */
    void written(long through, boolean stored) {
        if (through <= settled) return;
        settled = through;
        reports++;
        if (late && settled >= issued) {
            late = false; // caught up: from now on senders wait again
            toldLate.clear();
        }
        for (Map.Entry<Connection, Waiting> e : new ArrayList<>(waiting.entrySet())) {
            Waiting w = e.getValue();
            if (w.popWritten(through) && !stored && w.toldAtReport != reports) {
                w.toldAtReport = reports;
                output.replies(e.getKey())
                        .note(NOT_STORED, "Some of your messages were delivered but could not be stored in history.")
                        .flush();
            }
            advance(e.getKey(), w);
        }
    }

    /** How many senders' output waits now. */
    public int senders() {
        return waiting.size();
    }

    private Waiting waitingFor(Connection c) {
        return waiting.computeIfAbsent(c, k -> new Waiting());
    }

    /** Drops what is written and moves the hold on, or ends it. */
    private void advance(Connection c, Waiting w) {
        w.popWritten(settled);
        if (w.size == 0) waiting.remove(c);
        holdFrom(c);
    }

    private void holdFrom(Connection c) {
        Waiting w = waiting.get(c);
        c.link().holdFrom(w == null ? Link.NOTHING_HELD : w.marks[w.head]);
    }

    private void lookLater() {
        looking = true;
        issuedAtLook = issued;
        clock.schedule(this::look, LATE_NANOS);
    }

    /** Has the store written what had been said by the last look? If not, it is late; look again while anything waits. */
    private void look() {
        looking = false;
        if (late) return;
        if (settled < issuedAtLook) {
            late = true;
            for (Connection c : new ArrayList<>(waiting.keySet())) {
                Waiting w = waiting.get(c);
                w.dropMessages();
                tellLate(c);
                advance(c, w);
            }
        } else if (issued > settled) {
            lookLater();
        }
    }

    private void tellLate(Connection c) {
        if (toldLate.add(c))
            output.replies(c)
                    .note(DELAYED, "History is behind: your messages are delivered but not stored yet.")
                    .flush();
    }

    /** What one sender waits for, oldest first: a ticket and the place its output is held from, each. */
    private static final class Waiting {
        long[] tickets = new long[4];
        long[] marks = new long[4];
        int head;
        int size;
        long toldAtReport = -1;

        void add(long ticket, long mark) {
            if (size == tickets.length) grow();
            int at = (head + size++) % tickets.length;
            tickets[at] = ticket;
            marks[at] = mark;
        }

        /** Drops the written ones at the front; whether any went. */
        boolean popWritten(long through) {
            boolean any = false;
            while (size > 0 && tickets[head] <= through) {
                head = (head + 1) % tickets.length;
                size--;
                any = true;
            }
            return any;
        }

        boolean hasRelay() {
            for (int i = 0; i < size; i++) if (tickets[(head + i) % tickets.length] == RELAYING) return true;
            return false;
        }

        /**
         * The oldest relay has run: its place waits for the newest message said since (they were said
         * by it or after it), or for nothing.
         */
        void resolveOldestRelay(long settled) {
            int relay = -1;
            long newest = 0;
            for (int i = 0; i < size; i++) {
                long t = tickets[(head + i) % tickets.length];
                if (relay < 0 && t == RELAYING) relay = i;
                else if (relay >= 0 && t != RELAYING) newest = Math.max(newest, t);
            }
            if (relay < 0) return;
            tickets[(head + relay) % tickets.length] = newest > settled ? newest : 0;
        }

        /** Stops waiting for messages (the store is late); relays still wait. */
        void dropMessages() {
            int kept = 0;
            for (int i = 0; i < size; i++) {
                int from = (head + i) % tickets.length;
                if (tickets[from] != RELAYING) continue;
                int to = (head + kept++) % tickets.length;
                tickets[to] = tickets[from];
                marks[to] = marks[from];
            }
            size = kept;
        }

        private void grow() {
            long[] t = new long[tickets.length * 2];
            long[] m = new long[t.length];
            for (int i = 0; i < size; i++) {
                t[i] = tickets[(head + i) % tickets.length];
                m[i] = marks[(head + i) % tickets.length];
            }
            tickets = t;
            marks = m;
            head = 0;
        }
    }
}

package dev.chatroom.server;

import dev.chatroom.irc.Message;
import dev.chatroom.server.flow.FloodGate;
import java.util.ArrayDeque;

/**
 * A client's lines on their way in. Most go straight through. A line waits, in order, with the
 * client's reading paused, when the client is over its flood limit (a token bucket:
 * {@code flood-burst} lines at once, then {@code flood-rate} per second) or when the server's
 * output budget is used up. Nothing is lost, and nobody else waits. A client held back by flood
 * control for {@code flood-drop-after} without a break, or with too many lines waiting, is dropped.
 * A multiline batch is charged by its size, not its lines ({@link MultilineBatch#cost}).
 */
final class Inbox {
    /** Lines held back from a client over its flood limit; past this it is dropped as "Excess flood". */
    static final int MAX_BACKLOG = 200;
    /** Lines held for the output budget: one read's worth of a fast sender; a safety net, not a limit anyone meets. */
    static final int MAX_HELD_FOR_BUDGET = 5_000;
    /** Being throttled again sooner than this after catching up does not count as a break in flooding. */
    private static final long BREAK_NANOS = 1_000_000_000L;

    private static final long MIN_WAIT_NANOS = 1_000_000L;

    private final Hub hub;
    private final Connection connection;
    private final FloodGate gate;
    private final long dropAfterNanos;
    private ArrayDeque<Object> held;
    private boolean floodWait;
    private boolean budgetWait;
    /** Answers this client waits for (a history read): what it sends next waits too, so replies come in the order asked. */
    private int awaiting;

    private long throttledSince;
    /** Held back by flood control since throttledSince, not yet caught up. */
    private boolean throttled;

    private long unthrottledAt;

    Inbox(Hub hub, Connection connection) {
        this.hub = hub;
        this.connection = connection;
        long now = hub.clock().nanos();
        this.gate = hub.config().floodRate() > 0
                ? new FloodGate(hub.config().floodBurst(), hub.config().floodRate(), now)
                : null;
        this.dropAfterNanos = hub.config().floodDropAfter().toNanos();
        this.unthrottledAt = now - BREAK_NANOS - 1;
    }

    /** A line from the client: handled now if the client may go on, otherwise kept for later. */
    void offer(Object line) {
        if ((held == null || held.isEmpty()) && mayGo(line)) {
            hub.handle(connection, line);
            return;
        }
        if (held == null) held = new ArrayDeque<>();
        held.add(line);
        int limit = floodWait ? MAX_BACKLOG : MAX_HELD_FOR_BUDGET;
        if (held.size() > limit || (floodWait && hub.clock().nanos() - throttledSince > dropAfterNanos)) {
            drop();
            return;
        }
        connection.link().pauseReading(true);
    }

    /**
     * Whether the line may be handled now; if not, arranges to be woken up (a timer for the flood
     * limit, the budget's callback for memory). PING, PONG and QUIT are never held: keepalive must
     * work for a held client too, and leaving frees memory.
     */
    private boolean mayGo(Object line) {
        if (awaiting > 0) return line instanceof Message m && m.command().equals("QUIT");
        if (line instanceof Message m
                && (m.command().equals("PING")
                        || m.command().equals("PONG")
                        || m.command().equals("QUIT"))) {
            return true;
        }
        if (hub.budget().exhausted()) {
            if (!budgetWait) {
                budgetWait = true;
                hub.budget().whenAvailable(this::budgetAvailable);
            }
            return false;
        }
        long now = hub.clock().nanos();
        int cost = line instanceof Message m ? MultilineBatch.cost(connection.multiline(), m) : 1;
        if (gate == null || cost == 0 || gate.tryTake(cost, now)) return true;
        if (!floodWait) {
            floodWait = true;
            // lines held only while an answer was awaited are no flood: a new episode unless one is under way
            boolean newEpisode = !throttled && now - unthrottledAt > BREAK_NANOS;
            if (newEpisode) throttledSince = now;
            throttled = true;
            hub.clock().schedule(this::floodTimer, Math.max(gate.nanosUntil(cost, now), MIN_WAIT_NANOS));
        }
        return false;
    }

    /** The line being handled is answered later: the client's next lines wait for {@link #answered}. */
    void awaitAnswer() {
        awaiting++;
    }

    void answered() {
        if (awaiting > 0 && --awaiting == 0 && held != null && !held.isEmpty()) drain();
    }

    private void floodTimer() {
        floodWait = false;
        if (connection.isClosed()) return;
        if (hub.clock().nanos() - throttledSince > dropAfterNanos) {
            drop();
            return;
        }
        drain();
    }

    private void budgetAvailable() {
        budgetWait = false;
        if (!connection.isClosed()) drain();
    }

    private void drain() {
        while (held != null && !held.isEmpty() && !connection.isClosed()) {
            if (floodWait || budgetWait || !mayGo(held.peek())) return; // woken again later
            hub.handle(connection, held.poll());
        }
        if (connection.isClosed()) {
            held = null;
            return;
        }
        if (throttled) unthrottledAt = hub.clock().nanos();
        throttled = false;
        held = null; // an idle client keeps no queue
        connection.link().pauseReading(false);
    }

    private void drop() {
        held = null;
        hub.departures().close(connection, Departure.of(DisconnectReason.EXCESS_FLOOD));
    }
}

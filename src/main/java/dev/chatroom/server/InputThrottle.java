package dev.chatroom.server;

import dev.chatroom.irc.Message;
import java.util.ArrayDeque;

/**
 * Flood control for one client: a token bucket ({@code flood-burst} lines at once, then
 * {@code flood-rate} per second). Over it, the client's lines are kept in order and its reading
 * paused until tokens come back, so nothing is lost and nobody else waits. A client held back
 * for {@code flood-drop-after} without a break, or with too many lines waiting, is dropped.
 */
final class InputThrottle {
    /** Lines held back from a client over its flood limit; past this it is dropped as "Excess flood". */
    static final int MAX_BACKLOG = 200;
    /** Being throttled again sooner than this after catching up does not count as a break in flooding. */
    private static final long BREAK_NANOS = 1_000_000_000L;
    private static final long MIN_WAIT_NANOS = 1_000_000L;

    private final Hub hub;
    private final Connection connection;
    private final FloodGate gate;
    private final long dropAfterNanos;
    private final ArrayDeque<Object> backlog = new ArrayDeque<>();
    private boolean drainScheduled;
    private long throttledSince;
    private long unthrottledAt;

    InputThrottle(Hub hub, Connection connection) {
        this.hub = hub;
        this.connection = connection;
        long now = hub.clock().nanos();
        this.gate = new FloodGate(hub.config().floodBurst(), hub.config().floodRate(), now);
        this.dropAfterNanos = hub.config().floodDropAfter().toNanos();
        this.unthrottledAt = now - BREAK_NANOS - 1;
    }

    /** A line from the client: handled now if the client may go on, otherwise kept for later. */
    void offer(Object line) {
        if (backlog.isEmpty() && mayProceed(line)) {
            hub.handle(connection, line);
            return;
        }
        long now = hub.clock().nanos();
        if (backlog.isEmpty() && now - unthrottledAt > BREAK_NANOS) throttledSince = now;
        backlog.add(line);
        if (backlog.size() > MAX_BACKLOG || now - throttledSince > dropAfterNanos) {
            drop();
            return;
        }
        connection.link().pauseReading(true);
        scheduleDrain();
    }

    /** PING and PONG cost nothing: keepalive must work for a throttled client too. */
    private boolean mayProceed(Object line) {
        if (line instanceof Message m && (m.command().equals("PING") || m.command().equals("PONG"))) return true;
        return gate.tryTake(hub.clock().nanos());
    }

    private void scheduleDrain() {
        if (drainScheduled) return;
        drainScheduled = true;
        long wait = Math.max(gate.nanosUntilToken(hub.clock().nanos()), MIN_WAIT_NANOS);
        hub.clock().schedule(this::drain, wait);
    }

    private void drain() {
        drainScheduled = false;
        if (connection.isClosed()) {
            backlog.clear();
            return;
        }
        if (hub.clock().nanos() - throttledSince > dropAfterNanos) {
            drop();
            return;
        }
        while (!backlog.isEmpty() && !connection.isClosed() && mayProceed(backlog.peek())) hub.handle(connection, backlog.poll());
        if (connection.isClosed()) {
            backlog.clear();
        } else if (backlog.isEmpty()) {
            unthrottledAt = hub.clock().nanos();
            connection.link().pauseReading(false);
        } else {
            scheduleDrain();
        }
    }

    private void drop() {
        backlog.clear();
        hub.departures().close(connection, Departure.of(DisconnectReason.EXCESS_FLOOD));
    }
}

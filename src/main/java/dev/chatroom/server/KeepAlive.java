package dev.chatroom.server;

import dev.chatroom.irc.Message;

/**
 * PINGs a connection that has been silent for the ping interval and drops it, as "ping timeout",
 * when nothing arrives within the ping timeout after that. Anything the client sends counts as
 * alive. One timer per connection, rescheduled only when it fires.
 */
final class KeepAlive implements Runnable {
    private final Hub hub;
    private final Connection connection;
    private final long intervalNanos;
    private final long timeoutNanos;
    private long lastReadNanos;
    private long pingSentNanos;
    private boolean awaitingReply;
    private Clock.Timer timer;

    KeepAlive(Hub hub, Connection connection) {
        this.hub = hub;
        this.connection = connection;
        this.intervalNanos = hub.config().pingInterval().toNanos();
        this.timeoutNanos = hub.config().pingTimeout().toNanos();
        this.lastReadNanos = hub.clock().nanos();
        schedule(intervalNanos);
    }

    void touch() {
        lastReadNanos = hub.clock().nanos();
        awaitingReply = false;
    }

    void stop() {
        if (timer != null) timer.cancel();
    }

    @Override
    public void run() {
        if (connection.isClosed()) return;
        long now = hub.clock().nanos();
        if (awaitingReply) {
            long waited = now - pingSentNanos;
            if (waited >= timeoutNanos) hub.departures().close(connection, Departure.of(DisconnectReason.PING_TIMEOUT));
            else schedule(timeoutNanos - waited);
            return;
        }
        long idle = now - lastReadNanos;
        if (idle >= intervalNanos) {
            awaitingReply = true;
            pingSentNanos = now;
            hub.output().replies(connection).add(Message.trailing(null, "PING", hub.serverName())).flush();
            schedule(timeoutNanos);
        } else {
            schedule(intervalNanos - idle);
        }
    }

    private void schedule(long delayNanos) {
        timer = hub.clock().schedule(this, delayNanos);
    }
}

package dev.chatroom.server;

import dev.chatroom.irc.Message;
import dev.chatroom.server.flow.Liveness;

/**
 * One sweep a second over every connection, instead of timers of their own: a client silent for
 * the ping interval is sent a PING and dropped as "ping timeout" when nothing arrives within the
 * ping timeout after that; a connection that has not registered within the registration
 * timeout is closed. Anything a client sends counts as alive. Per connection this costs three
 * numbers, not two scheduled tasks, which matters with ten thousand idle clients.
 */
final class KeepAlive implements Runnable {
    static final long PERIOD_NANOS = 1_000_000_000L;

    private final Hub hub;
    private final long intervalNanos;
    private final long timeoutNanos;
    private final long registrationNanos;

    KeepAlive(Hub hub) {
        this.hub = hub;
        this.intervalNanos = hub.config().pingInterval().toNanos();
        this.timeoutNanos = hub.config().pingTimeout().toNanos();
        this.registrationNanos = hub.config().registrationTimeout().toNanos();
        hub.clock().schedule(this, PERIOD_NANOS);
    }

    @Override
    public void run() {
        long now = hub.clock().nanos();
        Users users = hub.users();
        // Backwards: closing a connection moves the last one into its place, which was already seen.
        for (int i = users.count() - 1; i >= 0; i--) {
            if (i >= users.count()) continue;
            check(users.get(i), now);
        }
        hub.clock().schedule(this, PERIOD_NANOS);
    }

    private void check(Connection c, long now) {
        if (c.isRemote() || c.socketless()) return; // its own node keeps it alive; no connection to keep
        switch (c.state()) {
            case REFUSED, CLOSED -> {}
            case REGISTERING -> {
                if (now - c.connectedAtNanos() >= registrationNanos) {
                    hub.departures().close(c, Departure.of(DisconnectReason.REGISTRATION_TIMEOUT));
                    return;
                }
                ping(c, now);
            }
            default -> ping(c, now);
        }
    }

    private void ping(Connection c, long now) {
        Liveness liveness = c.liveness();
        if (liveness.pingTimedOut(now, timeoutNanos)) {
            hub.departures().close(c, Departure.of(DisconnectReason.PING_TIMEOUT));
        } else if (liveness.pingDue(now, intervalNanos)) {
            liveness.pinged(now);
            hub.output()
                    .replies(c)
                    .add(Message.trailing(null, "PING", hub.serverName()))
                    .flush();
        }
    }
}

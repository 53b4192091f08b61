package dev.chatroom.server.net;

import dev.chatroom.irc.Message;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Hub;
import io.netty.channel.EventLoop;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * PINGs a connection that has been silent for the ping interval and drops it, as "ping timeout",
 * when nothing arrives within the ping timeout after that. Anything the client sends counts as alive.
 */
final class KeepAlive implements Runnable {
    private final Hub hub;
    private final Connection connection;
    private final EventLoop loop;
    private final long intervalNanos;
    private final long timeoutNanos;
    private long lastReadNanos = System.nanoTime();
    private long pingSentNanos;
    private boolean awaitingReply;
    private ScheduledFuture<?> timer;

    KeepAlive(Hub hub, Connection connection, EventLoop loop) {
        this.hub = hub;
        this.connection = connection;
        this.loop = loop;
        this.intervalNanos = hub.config().pingInterval().toNanos();
        this.timeoutNanos = hub.config().pingTimeout().toNanos();
    }

    void start() {
        schedule(intervalNanos);
    }

    void touch() {
        lastReadNanos = System.nanoTime();
        awaitingReply = false;
    }

    void stop() {
        if (timer != null) timer.cancel(false);
    }

    @Override
    public void run() {
        if (!connection.outbox().isOpen()) return;
        long now = System.nanoTime();
        if (awaitingReply) {
            long waited = now - pingSentNanos;
            if (waited >= timeoutNanos) {
                hub.close(connection, Hub.PING_TIMEOUT);
            } else {
                schedule(timeoutNanos - waited);
            }
            return;
        }
        long idle = now - lastReadNanos;
        if (idle >= intervalNanos) {
            awaitingReply = true;
            pingSentNanos = now;
            connection.send(Message.trailing(null, "PING", hub.serverName()));
            schedule(timeoutNanos);
        } else {
            schedule(intervalNanos - idle);
        }
    }

    private void schedule(long delayNanos) {
        timer = loop.schedule(this, delayNanos, TimeUnit.NANOSECONDS);
    }
}

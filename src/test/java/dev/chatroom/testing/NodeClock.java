package dev.chatroom.testing;

import dev.chatroom.server.Clock;

/**
 * One server's share of a {@link ManualClock} that several servers run on: the same time, its own
 * timers and deferred tasks, which stop for good when the server is killed (a dead process runs
 * nothing more, while the others go on). Its {@link #later} is the server's event loop.
 */
final class NodeClock implements Clock {
    private final ManualClock clock;
    private boolean dead;

    NodeClock(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public long millis() {
        return clock.millis();
    }

    @Override
    public long nanos() {
        return clock.nanos();
    }

    @Override
    public Timer schedule(Runnable task, long delayNanos) {
        return clock.schedule(
                () -> {
                    if (!dead) task.run();
                },
                delayNanos);
    }

    @Override
    public void later(Runnable task) {
        clock.later(() -> {
            if (!dead) task.run();
        });
    }

    void kill() {
        dead = true;
    }
}

package dev.chatroom.server.net;

import dev.chatroom.server.Clock;
import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;

/** The real clock: system time, with timers on the server's event loop. */
public final class LoopClock implements Clock {
    private final EventLoop loop;

    public LoopClock(EventLoop loop) {
        this.loop = loop;
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }

    @Override
    public long nanos() {
        return System.nanoTime();
    }

    @Override
    public Timer schedule(Runnable task, long delayNanos) {
        var f = loop.schedule(Fatal.guard(task), delayNanos, TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public void later(Runnable task) {
        loop.execute(Fatal.guard(task));
    }
}

package dev.chatroom.server.net;

import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Coalesces flushes: links written during one turn of the event loop are flushed once, after
 * every ready connection has been read, so a busy client gets many lines per syscall. When a
 * round had to flush many connections (a busy room: every message costs one syscall per
 * member), the next round waits to gather more lines per syscall: {@link #NANOS_PER_CONNECTION}
 * for each connection the last round flushed, at most {@link #MAX_DELAY_NANOS}. That bounds the
 * syscalls per second whatever the room size; at light load flushing stays immediate.
 */
final class Flusher implements Runnable {
    static final int BUSY_ROUND = 256;
    static final long NANOS_PER_CONNECTION = Long.getLong("chatroom.flushNanosPerConnection", 5_000);
    static final long MAX_DELAY_NANOS = Long.getLong("chatroom.flushMaxDelayNanos", 10_000_000);

    private final EventLoop loop;
    private List<ClientChannel> dirty = new ArrayList<>();
    private List<ClientChannel> spare = new ArrayList<>();
    private boolean scheduled;
    private int lastRound;
    private final Runnable guarded = Fatal.guard(this);

    Flusher(EventLoop loop) {
        this.loop = loop;
    }

    void markDirty(ClientChannel outbox) {
        dirty.add(outbox);
        if (!scheduled) {
            scheduled = true;
            if (lastRound >= BUSY_ROUND) {
                loop.schedule(
                        guarded, Math.min(MAX_DELAY_NANOS, lastRound * NANOS_PER_CONNECTION), TimeUnit.NANOSECONDS);
            } else {
                loop.execute(guarded);
            }
        }
    }

    @Override
    public void run() {
        scheduled = false;
        List<ClientChannel> batch = dirty;
        dirty = spare;
        lastRound = batch.size();
        for (int i = 0; i < batch.size(); i++) batch.get(i).flushNow();
        batch.clear();
        spare = batch;
    }
}

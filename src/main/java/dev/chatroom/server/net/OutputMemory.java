package dev.chatroom.server.net;

import dev.chatroom.server.flow.OutputBudget;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Every byte queued for clients, counted, against one budget. Over the limit the budget is
 * "full": the core holds senders' lines until queued output falls under half the limit, and
 * then lets the held senders go in turn. The limit is the configured budget, but never more
 * than half of what all connections' send queues together allow, so equally slow readers are
 * slowed down together before any of them reaches its own limit and is dropped. While it is
 * full, clients that have taken no bytes for the stalled-reader timeout are dropped (SendQ exceeded,
 * not reading) if, and only as far as, what they hold would keep the budget from ever draining
 * under half: waiting for them would wedge everyone, while a slow reader that still reads
 * only has to be waited for.
 */
public final class OutputMemory implements OutputBudget {
    static final long MIN_LIMIT = 4L << 20;

    private final long budget;
    private final int sendq;
    private final EventLoop loop;
    private final long stallNanos;
    private final Set<ClientChannel> links = new LinkedHashSet<>();
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private long queued;
    private boolean full;
    private boolean resumeScheduled;
    private boolean sweepScheduled;

    OutputMemory(long budget, int sendq, Duration stallTimeout, EventLoop loop) {
        this.budget = budget;
        this.sendq = sendq;
        this.stallNanos = stallTimeout.toNanos();
        this.loop = loop;
    }

    public long budget() {
        return budget;
    }

    long queued() {
        return queued;
    }

    long limit() {
        return Math.min(budget, Math.max(MIN_LIMIT, (long) links.size() * sendq / 2));
    }

    void register(ClientChannel link) {
        links.add(link);
    }

    void unregister(ClientChannel link) {
        links.remove(link);
    }

    void add(long n) {
        queued += n;
    }

    void release(long n) {
        queued -= n;
        if (full && queued < limit() / 2 && !resumeScheduled) {
            resumeScheduled = true;
            loop.execute(Fatal.guard(this::resume));
        }
    }

    @Override
    public boolean exhausted() {
        if (!full && queued > limit()) {
            full = true;
            scheduleSweep();
        }
        return full;
    }

    @Override
    public void whenAvailable(Runnable task) {
        waiting.add(task);
        if (!full) {
            if (!resumeScheduled) {
                resumeScheduled = true;
                loop.execute(Fatal.guard(this::resume));
            }
        }
    }

    /** Lets held senders go, oldest first, until the budget fills again; the rest keep their turn. */
    private void resume() {
        resumeScheduled = false;
        if (queued < limit() / 2) full = false;
        while (!full && !waiting.isEmpty()) {
            Runnable next = waiting.poll();
            try {
                next.run();
            } catch (RuntimeException e) {
                // a bug in one held sender must not strand the others behind it; the dispatcher reports bugs
            }
            if (queued > limit()) exhausted();
        }
    }

    private void scheduleSweep() {
        if (sweepScheduled) return;
        sweepScheduled = true;
        loop.schedule(Fatal.guard(this::sweep), 1, TimeUnit.SECONDS);
    }

    /** While full: drop the clients that are not reading, when their output alone would keep the budget full. */
    private void sweep() {
        sweepScheduled = false;
        if (!full) return;
        long now = System.nanoTime();
        List<ClientChannel> stalled = new ArrayList<>();
        long stuck = 0;
        for (ClientChannel l : links) {
            if (l.held() > 0 && now - l.lastProgressNanos(now) > stallNanos) {
                stalled.add(l);
                stuck += l.held();
            }
        }
        long resumeAt = limit() / 2;
        if (stuck >= resumeAt) {
            stalled.sort((a, b) -> Long.compare(b.held(), a.held()));
            for (ClientChannel l : stalled) {
                if (stuck < resumeAt / 2) break;
                stuck -= l.held();
                l.overflow("not reading");
            }
        }
        if (queued < limit() / 2) release(0);
        if (full) scheduleSweep();
    }
}

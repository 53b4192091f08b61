package dev.chatroom.server.net;

import dev.chatroom.server.OutputBudget;
import io.netty.channel.EventLoop;
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
 * slowed down together before any of them reaches its own limit and is dropped. While full,
 * a client that has taken no bytes for {@link #STALL_NANOS} is dropped (SendQ exceeded): it is
 * not reading, and waiting for it would wedge everyone.
 */
final class OutputMemory implements OutputBudget {
    static final long MIN_LIMIT = 4L << 20;
    static final long STALL_NANOS = 2_000_000_000L;

    private final long budget;
    private final int sendq;
    private final EventLoop loop;
    private final Set<ClientChannel> links = new LinkedHashSet<>();
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private long queued;
    private boolean full;
    private boolean resumeScheduled;
    private boolean sweepScheduled;

    OutputMemory(long budget, int sendq, EventLoop loop) {
        this.budget = budget;
        this.sendq = sendq;
        this.loop = loop;
    }

    long budget() {
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

    /** While full: drop clients that hold output and have not taken any of it lately. */
    private void sweep() {
        sweepScheduled = false;
        if (!full) return;
        long now = System.nanoTime();
        List<ClientChannel> stalled = new ArrayList<>();
        for (ClientChannel l : links) if (l.queued() > 0 && now - l.lastProgressNanos() > STALL_NANOS) stalled.add(l);
        for (ClientChannel l : stalled) l.overflow();
        if (queued < limit() / 2) release(0);
        if (full) scheduleSweep();
    }
}

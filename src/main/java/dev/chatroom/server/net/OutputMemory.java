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
import java.util.function.LongSupplier;

/**
 * Every byte queued for clients, counted, against one budget. Over the limit the budget is
 * "full": the core holds senders' lines until queued output falls under half the limit, and
 * then lets the held senders go in turn. The limit is the configured budget, but never more
 * than half of what all connections' send queues together allow, so equally slow readers are
 * slowed down together before any of them reaches its own limit and is dropped.
 *
 * <p>Clients that stop reading must not hold everyone up. While more than half the limit is used,
 * a sweep looks at every client four times a second. One that holds more than its share (the
 * limit divided among the connections) and has taken no bytes for a fifth of the stalled-reader
 * timeout is dropped (SendQ exceeded, not reading), so a few stopped readers are gone before
 * they can fill the budget; but only while it is one of few: when a quarter of the clients or
 * more take nothing at once, the network or the machine is slow, not they, and they are waited
 * for. When the budget is full all the same, the clients that have taken nothing for the whole
 * timeout are dropped, biggest first, as far as what they hold would keep it from draining under
 * half: waiting for them would wedge everyone. A slow reader that still reads only has to be
 * waited for.
 */
public final class OutputMemory implements OutputBudget {
    static final long MIN_LIMIT = 4L << 20;
    /** While over half the limit, how often the clients are looked at. */
    static final long SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final long budget;
    private final int sendq;
    private final EventLoop loop;
    private final LongSupplier nanos;
    private final long stallNanos;
    /** Taking nothing this long, a client over its share has stopped reading: a fifth of the timeout. */
    private final long stopNanos;

    private final Set<ClientChannel> links = new LinkedHashSet<>();
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private long limit;
    private long share;
    private long queued;
    private boolean full;
    private boolean resumeScheduled;
    private boolean sweepScheduled;

    OutputMemory(long budget, int sendq, Duration stallTimeout, EventLoop loop) {
        this(budget, sendq, stallTimeout, loop, System::nanoTime);
    }

    /** With the given clock (tests). */
    OutputMemory(long budget, int sendq, Duration stallTimeout, EventLoop loop, LongSupplier nanos) {
        this.budget = budget;
        this.sendq = sendq;
        this.stallNanos = stallTimeout.toNanos();
        this.stopNanos = stallNanos / 5;
        this.loop = loop;
        this.nanos = nanos;
        connectionsChanged();
    }

    public long budget() {
        return budget;
    }

    /** Bytes queued for clients now; on the loop. */
    public long queued() {
        return queued;
    }

    long limit() {
        return limit;
    }

    /** The budget's clock, in nanoseconds. */
    long now() {
        return nanos.getAsLong();
    }

    /** What a client that takes nothing may hold while more than half the limit is used: its part of the limit. */
    long share() {
        return share;
    }

    void register(ClientChannel link) {
        links.add(link);
        connectionsChanged();
    }

    void unregister(ClientChannel link) {
        links.remove(link);
        connectionsChanged();
    }

    private void connectionsChanged() {
        limit = Math.min(budget, Math.max(MIN_LIMIT, (long) links.size() * sendq / 2));
        share = limit / Math.max(1, links.size());
    }

    void add(long n) {
        queued += n;
        if (queued > limit / 2) scheduleSweep();
    }

    void release(long n) {
        queued -= n;
        if (full && queued < limit / 2 && !resumeScheduled) {
            resumeScheduled = true;
            loop.execute(Fatal.guard(this::resume));
        }
    }

    @Override
    public boolean exhausted() {
        if (!full && queued > limit) full = true;
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
        if (queued < limit / 2) full = false;
        while (!full && !waiting.isEmpty()) {
            Runnable next = waiting.poll();
            try {
                next.run();
            } catch (RuntimeException e) {
                // a bug in one held sender must not strand the others behind it; the dispatcher reports bugs
            }
            if (queued > limit) exhausted();
        }
    }

    /** {@link #SWEEP_NANOS} after more than half the limit is used, and again as long as it is. */
    private void scheduleSweep() {
        if (sweepScheduled) return;
        sweepScheduled = true;
        loop.schedule(Fatal.guard(this::sweep), SWEEP_NANOS, TimeUnit.NANOSECONDS);
    }

    /** Drops the clients that stopped reading (a few of them, over their share), and, when full, those that wedge it. */
    private void sweep() {
        sweepScheduled = false;
        if (queued <= limit / 2) return;
        long now = now();
        int quiet = 0;
        List<ClientChannel> stopped = new ArrayList<>();
        List<ClientChannel> stalled = new ArrayList<>();
        long stuck = 0;
        for (ClientChannel l : links) {
            if (l.held() == 0) continue;
            long idle = now - l.waitingSince(now);
            if (idle > SWEEP_NANOS) quiet++;
            if (idle > stopNanos && l.held() > share) stopped.add(l);
            if (idle > stallNanos) {
                stalled.add(l);
                stuck += l.held();
            }
        }
        if (quiet * 4 < links.size()) {
            for (ClientChannel l : stopped) l.overflow("not reading");
        }
        long resumeAt = limit / 2;
        if (full && stuck >= resumeAt) {
            stalled.sort((a, b) -> Long.compare(b.held(), a.held()));
            for (ClientChannel l : stalled) {
                if (stuck < resumeAt / 2) break;
                stuck -= l.held();
                l.overflow("not reading");
            }
        }
        if (full && queued < resumeAt) release(0);
        if (queued > resumeAt) scheduleSweep();
    }
}

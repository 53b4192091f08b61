package dev.chatroom.testing;

import dev.chatroom.server.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.PriorityQueue;

/** Time that moves only when a test says so; timers run, in order, as it passes them. */
public final class ManualClock implements Clock {
    private record Task(long due, long seq, Runnable run, boolean[] cancelled) {}

    private final PriorityQueue<Task> timers =
            new PriorityQueue<>((a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private final ArrayDeque<Runnable> soon = new ArrayDeque<>();
    private final long startMillis = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    private long nanos = 1_000_000_000_000L;
    private long seq;
    private boolean running;

    @Override
    public long millis() {
        return startMillis + (nanos - 1_000_000_000_000L) / 1_000_000;
    }

    @Override
    public long nanos() {
        return nanos;
    }

    @Override
    public Timer schedule(Runnable task, long delayNanos) {
        boolean[] cancelled = {false};
        timers.add(new Task(nanos + Math.max(0, delayNanos), seq++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    @Override
    public void later(Runnable task) {
        soon.add(task);
    }

    /**
     * Runs what was deferred and what is due now. Called from inside such a task (a command that
     * waits for the loop, run by the loop), it returns at once: as on an event loop, what the task
     * deferred runs after it, never inside it.
     */
    public void runPending() {
        if (running) return;
        running = true;
        try {
            runQueued();
        } finally {
            running = false;
        }
    }

    /**
     * Runs work as one task of the loop: whatever it defers, as every client's line and bus event
     * does, waits until it is done. Lines sent to several servers of a cluster inside it reach
     * their servers before any of them hears the others: they happen at once.
     */
    public void atOnce(Runnable work) {
        if (running) throw new IllegalStateException("already inside a task");
        running = true;
        try {
            work.run();
        } finally {
            running = false;
        }
        runPending();
    }

    private void runQueued() {
        while (true) {
            Runnable r = soon.poll();
            if (r != null) {
                r.run();
                continue;
            }
            Task t = timers.peek();
            if (t == null || t.due > nanos) return;
            timers.poll();
            if (!t.cancelled[0]) t.run.run();
        }
    }

    /** Moves time forward, running every timer due on the way at its own time. */
    public void advance(Duration d) {
        if (running) throw new IllegalStateException("time cannot pass inside a task");
        long end = nanos + d.toNanos();
        runPending();
        while (true) {
            Task t = timers.peek();
            if (t == null || t.due > end) break;
            if (t.due > nanos) nanos = t.due;
            runPending();
        }
        nanos = end;
        runPending();
    }
}

package dev.chatroom.testing;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Waiting in tests for what another thread or process does: until a deadline, failing with what
 * was seen on the way. Tests synchronise on a condition this way, never on a sleep of a guessed length.
 */
public final class Await {
    /** Polling starts this fast, for conditions about to hold... */
    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** ...and slows down to this, for probes that cost something (a process, a database connection). */
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** A reading of something that changes; it may fail, as reading a file or a socket does. */
    @FunctionalInterface
    public interface Probe<T, E extends Exception> {
        T read() throws E, InterruptedException;
    }

    private Await() {}

    /** Until the condition holds; fails naming {@code what}. */
    public static <E extends Exception> void until(String what, Duration within, Probe<Boolean, E> condition)
            throws E, InterruptedException {
        poll(what, within, condition, Boolean::booleanValue, false);
    }

    /** Reads the probe until {@code done} holds of the reading, and returns that reading; fails naming {@code what} and showing the last one. */
    public static <T, E extends Exception> T until(
            String what, Duration within, Probe<T, E> probe, Predicate<? super T> done) throws E, InterruptedException {
        return poll(what, within, probe, done, true);
    }

    private static <T, E extends Exception> T poll(
            String what, Duration within, Probe<T, E> probe, Predicate<? super T> done, boolean showLast)
            throws E, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            T reading = probe.read();
            if (done.test(reading)) return reading;
            long left = deadline - System.nanoTime();
            if (left <= 0)
                throw new AssertionError(timedOut(what, within) + (showLast ? "; last seen:\n" + shown(reading) : ""));
            TimeUnit.NANOSECONDS.sleep(Math.min(pause, left));
            pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
        }
    }

    /**
     * Takes from the queue until an element matches, and returns it. Everything taken, the match too,
     * is added to {@code seen}, which the failure shows.
     */
    public static <T> T take(
            String what, Duration within, BlockingQueue<T> queue, Predicate<? super T> match, List<T> seen)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            T next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) throw new AssertionError(timedOut(what, within) + "; saw:\n" + shown(seen));
            seen.add(next);
            if (match.test(next)) return next;
        }
    }

    /** A collection one element a line, as lines of output are read best. */
    private static String shown(Object seen) {
        if (!(seen instanceof Collection<?> c)) return String.valueOf(seen);
        StringBuilder sb = new StringBuilder();
        for (Object e : c) sb.append(e).append('\n');
        return sb.toString();
    }

    private static String timedOut(String what, Duration within) {
        String time = within.toMillis() % 1000 == 0 ? within.toSeconds() + " s" : within.toMillis() + " ms";
        return "no " + what + " within " + time;
    }
}

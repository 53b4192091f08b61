package dev.chatroom.store.sqlite;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Whether history writing is paused: the database could not be written for a reason that passes
 * (a full disk, a file made read-only, another program's lock), so the batch is kept and tried
 * again every {@link #RETRY_NANOS} instead of being lost. The admin hears once that writing
 * paused and once that it resumed, not at every try. Changed on the writer thread; {@link
 * #reason} may be read from any.
 */
final class WritePause {
    static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final LongSupplier nanos;
    private volatile String reason;
    private long nextTry;
    /** Failed tries in this pause. */
    private volatile int failures;

    /** @param nanos monotonic time (System::nanoTime; a test's own) */
    WritePause(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /**
     * The primary SQLite result code's reason when the failure passes by itself (writing again later
     * can succeed), null when it is the batch's own (trying it again would fail again and hold up
     * every message behind it).
     */
    static String passingReason(SQLException e) {
        return switch (e.getErrorCode() & 0xff) {
            case 13 -> "no space left on device"; // SQLITE_FULL
            case 10 -> "cannot write to the disk (I/O error)"; // SQLITE_IOERR
            case 8 -> "the database is read-only"; // SQLITE_READONLY
            case 5, 6 -> "the database is locked"; // SQLITE_BUSY, SQLITE_LOCKED
            case 14 -> "the database cannot be opened"; // SQLITE_CANTOPEN
            case 7 -> "out of memory"; // SQLITE_NOMEM
            default -> null;
        };
    }

    /** A write failed for reason: tries again from a retry later. True when this starts a pause (say so). */
    boolean failed(String why) {
        nextTry = nanos.getAsLong() + RETRY_NANOS;
        boolean starts = reason == null;
        failures = starts ? 1 : failures + 1;
        reason = why;
        return starts;
    }

    /** A write succeeded. True when this ends a pause (say so). */
    boolean succeeded() {
        boolean ends = reason != null;
        reason = null;
        failures = 0;
        return ends;
    }

    /** Whether a write may be tried now: not paused, or the retry's time has come. */
    boolean mayTry() {
        return reason == null || nanos.getAsLong() - nextTry >= 0;
    }

    /** The next try is now (a last one before closing). */
    void tryNow() {
        nextTry = nanos.getAsLong();
    }

    /** How long until the next try (0: now). */
    long nanosUntilTry() {
        return reason == null ? 0 : Math.max(0, nextTry - nanos.getAsLong());
    }

    /** Tries that failed since the pause began (0: not paused). */
    int failures() {
        return failures;
    }

    /** Why writing is paused, or null while it writes. */
    String reason() {
        return reason;
    }
}

package dev.chatroom.server;

/**
 * The server's one source of time and its timers. Keepalive, flood control, nick-change limits,
 * approval expiry and the registration timeout all read it, so tests drive time by hand. Tasks
 * run on the server's event loop, like everything else in this package.
 */
public interface Clock {
    /** Wall-clock time in milliseconds since the epoch: timestamps people see (server-time, topics). */
    long millis();

    /** Monotonic time in nanoseconds: intervals and deadlines. */
    long nanos();

    /** Runs the task once after the delay. */
    Timer schedule(Runnable task, long delayNanos);

    /** Runs the task after the work now in progress (the current command or event) is done. */
    void later(Runnable task);

    /** A scheduled task that may be called off. */
    interface Timer {
        void cancel();
    }
}

package dev.chatroom.server;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Heavy work the event loop must not wait for (password hashing: tens of milliseconds and
 * megabytes each). The work runs elsewhere; its result comes back as a task on the loop, so
 * everything that acts on it stays single-threaded.
 */
public interface Background {
    /** Runs work off the loop, then {@code then} on the loop with its result; {@code busy} on the loop instead when too much is waiting already. */
    <T> void run(Supplier<T> work, Consumer<T> then, Runnable busy);

    /** How many pieces of work run at once. */
    int threads();

    /** Runs the work at once on the caller's thread: in-memory tests, where the test thread is the loop. */
    Background INLINE = new Background() {
        @Override
        public <T> void run(Supplier<T> work, Consumer<T> then, Runnable busy) {
            then.accept(work.get());
        }

        @Override
        public int threads() {
            return 1;
        }
    };
}

package dev.chatroom.testing;

import dev.chatroom.server.Background;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Hashing threads that work only when the test says: what is started waits until
 * {@link #finishAll()} or {@link #finishNext()}, so a test sees what happens while a hash is under
 * way and what several started at once do. Two threads, like the server's.
 */
public final class ManualBackground implements Background {
    private record Started<T>(Supplier<T> work, Consumer<T> then) {
        void finish() {
            then.accept(work.get());
        }
    }

    private final ArrayDeque<Started<?>> started = new ArrayDeque<>();
    private InMemoryServer server;

    /** The server whose loop the results come back to. */
    void server(InMemoryServer s) {
        server = s;
    }

    @Override
    public <T> void run(Supplier<T> work, Consumer<T> then, Runnable busy) {
        started.add(new Started<>(work, then));
    }

    @Override
    public int threads() {
        return 2;
    }

    /** How many hashes are under way. */
    public int running() {
        return started.size();
    }

    /** Finishes the oldest hash under way; its result comes back to the loop. */
    public void finishNext() {
        Started<?> s = started.poll();
        if (s == null) throw new AssertionError("no hash under way");
        s.finish();
        server.clock.runPending();
    }

    /** Finishes hashes until none is under way, also those started meanwhile. */
    public void finishAll() {
        while (!started.isEmpty()) finishNext();
    }
}

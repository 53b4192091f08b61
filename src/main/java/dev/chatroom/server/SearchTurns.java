package dev.chatroom.server;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * One SEARCH at a time per address: the next one from the same address (another connection of
 * the same person, or of the same machine) waits until the one before it is answered, so nobody
 * can keep every search reader busy at once by opening connections. A connection's own lines
 * already wait for its answer (see {@link Connection#awaitAnswer}); this holds across connections.
 * Belongs to the event loop.
 */
public final class SearchTurns {
    /** The addresses with a search running, and the searches waiting after it, in order. */
    private final Map<String, ArrayDeque<Runnable>> running = new HashMap<>();

    /** Starts the search now, or once the searches of that address before it are done; it must call {@link #done}. */
    public void start(String address, Runnable search) {
        ArrayDeque<Runnable> after = running.get(address);
        if (after != null) {
            after.add(search);
            return;
        }
        running.put(address, new ArrayDeque<>());
        search.run();
    }

    /** The address's running search was answered: the next one waiting starts. */
    public void done(String address) {
        ArrayDeque<Runnable> after = running.get(address);
        if (after == null) return;
        Runnable next = after.poll();
        if (next == null) running.remove(address);
        else next.run();
    }
}

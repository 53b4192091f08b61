package dev.chatroom.testing;

import dev.chatroom.server.flow.OutputBudget;
import java.util.ArrayDeque;

/** An output budget a test fills and empties by hand. */
public final class TestBudget implements OutputBudget {
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private boolean full;

    @Override
    public boolean exhausted() {
        return full;
    }

    @Override
    public void whenAvailable(Runnable task) {
        waiting.add(task);
        if (!full) drain();
    }

    public void fill() {
        full = true;
    }

    /** Room again: held senders go, in the order they were held. */
    public void empty() {
        full = false;
        drain();
    }

    private void drain() {
        while (!full && !waiting.isEmpty()) waiting.poll().run();
    }
}

package dev.chatroom.server.flow;

import dev.chatroom.store.HistoryStore;

/**
 * What the server may take on before it slows senders down: output waiting for clients (the
 * transport's budget) and messages waiting for the disk (history). Either one full holds new
 * lines back, so a disk slower than the room makes senders wait instead of queueing messages
 * a crash would lose.
 */
public final class WorkBudget implements OutputBudget {
    private final OutputBudget output;
    private final HistoryStore history;

    public WorkBudget(OutputBudget output, HistoryStore history) {
        this.output = output;
        this.history = history;
    }

    @Override
    public boolean exhausted() {
        return output.exhausted() || history.behind();
    }

    @Override
    public void whenAvailable(Runnable task) {
        if (output.exhausted()) output.whenAvailable(() -> whenAvailable(task));
        else if (history.behind()) history.whenCaughtUp(() -> whenAvailable(task));
        else output.whenAvailable(task);
    }
}

package dev.chatroom.server.flow;

/**
 * How much output may wait for clients, all of them together. When it is used up the server
 * stops taking new work from senders (their lines are held and their reading paused) until
 * enough has drained: overload slows senders down instead of growing memory without bound.
 * The transport counts the bytes; the core only asks.
 */
public interface OutputBudget {
    /** True while queued output is over the budget: new work should wait. */
    boolean exhausted();

    /** Runs the task once the budget has room again (on the event loop, after the current work). */
    void whenAvailable(Runnable task);

    /** No limit: for tests and tools that do not need one. */
    OutputBudget UNLIMITED = new OutputBudget() {
        @Override
        public boolean exhausted() {
            return false;
        }

        @Override
        public void whenAvailable(Runnable task) {
            task.run();
        }
    };
}

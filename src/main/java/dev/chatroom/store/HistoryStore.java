package dev.chatroom.store;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where history is kept. Called on the event loop, never making it wait: appends are queued
 * and written in batches elsewhere; a query sees every message appended before it, and its
 * result comes back as a task on the loop. Each append gets a ticket, and the store reports how
 * far it has written ({@link #whenWritten}), so the loop knows when a message is safe. The
 * embedded implementation is {@link dev.chatroom.store.sqlite.SqliteHistoryStore}.
 */
public interface HistoryStore {
    /**
     * Queues m to be stored. Returns its ticket, one more than the previous append's: m is
     * written once a {@link Written} report reaches it. 0 when there is nothing to wait for (the
     * store keeps nothing, or refused m because too much waits already).
     */
    long append(StoredMessage m);

    /** How far the store has come, reported on the loop after each batch, in ticket order. */
    interface Written {
        /**
         * Every ticket up to through is done: written (stored), or given up after a write error
         * that the store has logged (not stored).
         */
        void upTo(long through, boolean stored);
    }

    /** Adds w to those told how far writing has come (each is told everything after it was added). */
    default void whenWritten(Written w) {}

    /** Messages of one conversation, oldest first. */
    void query(HistoryQuery q, Consumer<List<StoredMessage>> then);

    /** Conversations whose latest message falls strictly between the two times, oldest first. */
    void targets(
            List<String> roomKeys,
            String accountKey,
            long afterMillis,
            long beforeMillis,
            int limit,
            Consumer<List<TargetTime>> then);

    /** The newest messages containing all the words, oldest first, within the store's {@link SearchLimits}. */
    void search(SearchQuery q, Consumer<SearchResult> then);

    /** The last perRoom messages of every room, oldest first: read once at start, before the server runs. */
    List<StoredMessage> recentPerRoom(int perRoom);

    /** Removes messages older than the time and beyond the newest maxPerRoom of each room (0: no such limit). */
    void prune(long olderThanMillis, int maxPerRoom);

    /** Removes the private messages an account sent or received. */
    default void purgeAccount(String accountKey) {}

    /** Removes a room's messages (roomKey), or everything a nick or account sent and received privately (nickKey): then gets how many. */
    void purge(String roomKey, String nickKey, Consumer<Integer> then);

    /** True when every node of a cluster uses this same store: a message is appended only by its sender's node. */
    default boolean shared() {
        return false;
    }

    /** True while more messages wait for the disk than a crash should lose: senders are held back. */
    default boolean behind() {
        return false;
    }

    /** Messages appended and not yet stored; any thread may ask. */
    default int waiting() {
        return 0;
    }

    /**
     * Why writing is paused (the disk is full: messages are kept and written again until it takes
     * them), or null while it writes; any thread may ask.
     */
    default String pausedReason() {
        return null;
    }

    /** Runs the task on the loop once the disk has caught up. */
    default void whenCaughtUp(Runnable task) {
        task.run();
    }

    /** Keeps nothing, finds nothing: history turned off. */
    HistoryStore NONE = new HistoryStore() {
        @Override
        public long append(StoredMessage m) {
            return 0;
        }

        @Override
        public void query(HistoryQuery q, Consumer<List<StoredMessage>> then) {
            then.accept(List.of());
        }

        @Override
        public void targets(
                List<String> roomKeys,
                String accountKey,
                long afterMillis,
                long beforeMillis,
                int limit,
                Consumer<List<TargetTime>> then) {
            then.accept(List.of());
        }

        @Override
        public void search(SearchQuery q, Consumer<SearchResult> then) {
            then.accept(SearchResult.NONE);
        }

        @Override
        public List<StoredMessage> recentPerRoom(int perRoom) {
            return List.of();
        }

        @Override
        public void prune(long olderThanMillis, int maxPerRoom) {}

        @Override
        public void purge(String roomKey, String nickKey, Consumer<Integer> then) {
            then.accept(0);
        }
    };
}

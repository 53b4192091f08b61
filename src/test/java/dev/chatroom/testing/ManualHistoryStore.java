package dev.chatroom.testing;

import dev.chatroom.store.HistoryQuery;
import dev.chatroom.store.HistoryStore;
import dev.chatroom.store.SearchQuery;
import dev.chatroom.store.SearchResult;
import dev.chatroom.store.StoredMessage;
import dev.chatroom.store.TargetTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A history store that writes when the test says: appends get tickets and wait; {@link #write}
 * stores them and reports it, {@link #fail} gives them up as a write error would. Reads answer
 * from what was written.
 */
public final class ManualHistoryStore implements HistoryStore {
    private final List<StoredMessage> waiting = new ArrayList<>();
    private final List<StoredMessage> written = new ArrayList<>();
    private final List<Written> listeners = new ArrayList<>();
    private long appended;
    private long done;
    private String pausedReason;

    @Override
    public long append(StoredMessage m) {
        waiting.add(m);
        return ++appended;
    }

    @Override
    public void whenWritten(Written w) {
        listeners.add(w);
    }

    /** The batch of everything waiting is committed. */
    public void write() {
        writeFirst(waiting.size());
    }

    /** A batch of the first n waiting is committed. */
    public void writeFirst(int n) {
        List<StoredMessage> batch = new ArrayList<>(waiting.subList(0, n));
        waiting.subList(0, n).clear();
        written.addAll(batch);
        report(n, true);
    }

    /** The batch of everything waiting fails: it is not stored. */
    public void fail() {
        int n = waiting.size();
        waiting.clear();
        report(n, false);
    }

    private void report(int n, boolean stored) {
        done += n;
        for (Written w : List.copyOf(listeners)) w.upTo(done, stored);
    }

    /** Writing pauses (the reason, as a full disk's) or, with null, goes on; what waits stays until {@link #write}. */
    public void pause(String reason) {
        pausedReason = reason;
    }

    @Override
    public String pausedReason() {
        return pausedReason;
    }

    /** The texts written, in order. */
    public List<String> writtenTexts() {
        return written.stream().map(StoredMessage::text).toList();
    }

    public int waiting() {
        return waiting.size();
    }

    @Override
    public void query(HistoryQuery q, Consumer<List<StoredMessage>> then) {
        then.accept(List.copyOf(written));
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
}

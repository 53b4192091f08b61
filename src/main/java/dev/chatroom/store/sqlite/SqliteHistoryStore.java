package dev.chatroom.store.sqlite;

import dev.chatroom.irc.Formatting;
import dev.chatroom.irc.Message;
import dev.chatroom.log.Event;
import dev.chatroom.log.EventSink;
import dev.chatroom.store.HistoryQuery;
import dev.chatroom.store.HistoryStore;
import dev.chatroom.store.SearchLimits;
import dev.chatroom.store.SearchQuery;
import dev.chatroom.store.SearchResult;
import dev.chatroom.store.StoredMessage;
import dev.chatroom.store.TargetTime;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * History in chatroom.db. Appends go to the {@link SqliteHistoryWriter}, which stores them in
 * batches on the database's writer thread. Queries run on reader threads with their own
 * connections, after the writer has stored everything appended before them: searches on half
 * of the machine's cores, everything else on the other half, so however many searches wait,
 * they never hold up a CHATHISTORY.
 */
public final class SqliteHistoryStore implements HistoryStore, AutoCloseable {
    /** Reads waiting for a reader; past it a read is answered "unavailable" at once. */
    private static final int READS_WAITING = 256;
    /** Searches waiting: each may take {@link SearchLimits#TIME}, so a longer queue would only make people wait. */
    private static final int SEARCHES_WAITING = 64;

    private final Database db;
    private final SqliteHistoryWriter writer;
    private final ReaderPool reads;
    private final ReaderPool searches;
    private final SearchLimits searchLimits;
    private final Executor toLoop;
    private final EventSink events;

    /**
     * @param toLoop runs a result on the event loop
     * @param inline run queries on the caller's thread (in-memory tests, where the writer is inline too)
     */
    public SqliteHistoryStore(Database db, Executor toLoop, EventSink events, boolean inline) {
        this(db, toLoop, events, inline, HistorySearch.LIMITS);
    }

    SqliteHistoryStore(Database db, Executor toLoop, EventSink events, boolean inline, SearchLimits searchLimits) {
        this.db = db;
        this.writer = new SqliteHistoryWriter(db, toLoop, events, inline);
        this.toLoop = toLoop;
        this.events = events;
        this.searchLimits = searchLimits;
        int cores = Runtime.getRuntime().availableProcessors();
        int searchThreads = Math.max(1, cores / 2);
        this.reads = new ReaderPool(
                db, "chatroom-history-reader", Math.max(1, cores - searchThreads), READS_WAITING, inline);
        this.searches = new ReaderPool(db, "chatroom-history-search", searchThreads, SEARCHES_WAITING, inline);
    }

    @Override
    public long append(StoredMessage m) {
        return writer.append(m);
    }

    @Override
    public void whenWritten(Written w) {
        writer.whenWritten(w);
    }

    @Override
    public boolean behind() {
        return writer.behind();
    }

    @Override
    public int waiting() {
        return writer.waiting();
    }

    @Override
    public void whenCaughtUp(Runnable task) {
        writer.whenCaughtUp(task);
    }

    /** The words people search for: no colours or formatting, an action without its CTCP wrapping. */
    static String plain(String text) {
        String t = text;
        if (t.startsWith("\u0001ACTION ")) t = t.substring(8, t.endsWith("\u0001") ? t.length() - 1 : t.length());
        return Formatting.strip(t);
    }

    private static Map<String, String> tags(String text) {
        if (text == null || text.isEmpty()) return Map.of();
        return Collections.unmodifiableMap(
                new LinkedHashMap<>(Message.parse("@" + text + " X").tags()));
    }

    /** A read: after the writer has stored what came before it, on a reader; its result (null when it failed) on the loop. */
    private <T> void read(ReaderPool readers, String what, HistoryReads.Read<T> work, Consumer<T> then) {
        db.onWriter(() -> {
            writer.drain();
            try {
                readers.execute(() -> {
                    T result;
                    try {
                        result = work.run(readers.connection());
                    } catch (SQLException | RuntimeException e) {
                        events.event(Event.error(
                                "history_failed",
                                "History: cannot " + what + ": "
                                        + Database.describe(e instanceof SQLException s ? s : new SQLException(e))));
                        result = null;
                    }
                    T r = result;
                    try {
                        toLoop.execute(() -> then.accept(r));
                    } catch (RejectedExecutionException stopped) {
                        // the server stopped while this was read: nobody is left to answer
                    }
                });
            } catch (RejectedExecutionException busy) {
                try {
                    toLoop.execute(() -> then.accept(null));
                } catch (RejectedExecutionException stopped) {
                    // the server stopped meanwhile
                }
            }
        });
    }

    @Override
    public void query(HistoryQuery q, Consumer<List<StoredMessage>> then) {
        read(reads, "read history", c -> HistoryReads.query(c, q), then);
    }

    @Override
    public void targets(
            List<String> roomKeys,
            String accountKey,
            long afterMillis,
            long beforeMillis,
            int limit,
            Consumer<List<TargetTime>> then) {
        read(
                reads,
                "list conversations",
                c -> HistoryReads.targets(c, roomKeys, accountKey, afterMillis, beforeMillis, limit),
                then);
    }

    @Override
    public void search(SearchQuery q, Consumer<SearchResult> then) {
        read(searches, "search", c -> HistorySearch.search(c, q, searchLimits), then);
    }

    @Override
    public List<StoredMessage> recentPerRoom(int perRoom) {
        if (perRoom <= 0) return List.of();
        try (PreparedStatement s = db.connection()
                .prepareStatement(
                        "SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY room_key ORDER BY id DESC) AS rn"
                                + " FROM messages WHERE room_key IS NOT NULL) WHERE rn <= ? ORDER BY id")) {
            s.setInt(1, perRoom);
            return HistoryReads.messages(s);
        } catch (SQLException e) {
            events.event(
                    Event.error("history_failed", "History: cannot read the recent messages: " + Database.describe(e)));
            return List.of();
        }
    }

    @Override
    public void prune(long olderThanMillis, int maxPerRoom) {
        db.onWriter(() -> {
            writer.drain();
            int total = 0;
            int[] removed = new int[1];
            do {
                removed[0] = 0;
                db.transaction(
                        "remove old messages",
                        c -> removed[0] = HistoryReads.prune(c, olderThanMillis, maxPerRoom),
                        events);
                total += removed[0];
                writer.drain(); // what arrived meanwhile is stored before the next chunk: senders are not held back
                // by pruning
            } while (removed[0] >= HistoryReads.PRUNE_CHUNK);
            if (total > 0)
                events.event(Event.info("history_pruned", "History: removed " + total + " old message(s)")
                        .with("count", total));
        });
    }

    @Override
    public void purge(String roomKey, String nickKey, Consumer<Integer> then) {
        db.onWriter(() -> {
            writer.drain();
            int[] removed = {-1};
            db.transaction("purge messages", c -> removed[0] = HistoryReads.purge(c, roomKey, nickKey), events);
            int r = removed[0];
            try {
                toLoop.execute(() -> then.accept(r));
            } catch (RejectedExecutionException stopped) {
                // the server stopped meanwhile
            }
        });
    }

    @Override
    public void purgeAccount(String accountKey) {
        db.onWriter(() -> {
            writer.drain();
            db.transaction(
                    "erase an account's private messages",
                    c -> {
                        try (PreparedStatement s = c.prepareStatement(
                                "DELETE FROM messages WHERE room_key IS NULL AND (account_key = ? OR recipient_account_key = ?)")) {
                            s.setString(1, accountKey);
                            s.setString(2, accountKey);
                            s.executeUpdate();
                        }
                    },
                    events);
        });
    }

    static StoredMessage row(ResultSet rs) throws SQLException {
        return new StoredMessage(
                rs.getString("msgid"),
                rs.getLong("time_ms"),
                rs.getString("prefix"),
                rs.getString("sender_key"),
                rs.getString("account"),
                rs.getString("account_key"),
                rs.getString("command"),
                rs.getString("target"),
                rs.getString("room_key"),
                rs.getString("recipient_key"),
                rs.getString("recipient_account_key"),
                rs.getString("text"),
                tags(rs.getString("tags")));
    }

    @Override
    public String pausedReason() {
        return writer.pausedReason();
    }

    int pausedTries() {
        return writer.pausedTries();
    }

    /** Stops the readers; what is queued is written by the database's writer before it closes. */
    @Override
    public void close() {
        db.onWriter(writer::lastTry);
        reads.close();
        searches.close();
    }
}

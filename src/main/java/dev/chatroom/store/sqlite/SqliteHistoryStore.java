package dev.chatroom.store.sqlite;

import dev.chatroom.irc.Formatting;
import dev.chatroom.irc.Message;
import dev.chatroom.log.EventSink;
import dev.chatroom.store.HistoryQuery;
import dev.chatroom.store.HistoryStore;
import dev.chatroom.store.SearchQuery;
import dev.chatroom.store.StoredMessage;
import dev.chatroom.store.TargetTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * History in chatroom.db. Appends wait in a queue and the database's writer thread stores them
 * in batches, one transaction each (group commit: a batch is what arrived while the previous
 * one was being written, at most {@link #BATCH} messages), so the loop never waits for the disk
 * and the disk sees few commits however fast people type. A crash loses at most the batch being
 * written and what was still queued. Queries run on a reader thread with their own connection,
 * after the writer has stored everything appended before them.
 */
public final class SqliteHistoryStore implements HistoryStore, AutoCloseable {
    static final int BATCH = 1000;
    /** Past this many messages waiting for the disk, new ones are not stored (and that is reported), rather than filling the heap. */
    static final int MAX_QUEUED = 200_000;
    /** Past this many waiting, senders are held back ({@link #behind}) until no more than {@link #CAUGHT_UP} wait. */
    static final int BEHIND = 2 * BATCH;

    static final int CAUGHT_UP = BATCH / 2;

    private final Database db;
    private final Executor reader;
    private final Executor toLoop;
    private final EventSink events;
    private final ThreadPoolExecutor readerThread;
    private final ConcurrentLinkedQueue<StoredMessage> queued = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queuedCount = new AtomicInteger();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicInteger dropped = new AtomicInteger();
    private Connection readConnection;
    /** Tasks waiting for the disk to catch up: the loop's alone. */
    private final List<Runnable> waiters = new ArrayList<>();

    private final AtomicBoolean wakeWanted = new AtomicBoolean();
    /** How long the writer gathers messages before a commit (0: at once); it commits early once {@link #GATHER} wait. */
    private final long gatherNanos;

    private volatile long scheduledAtNanos;
    static final int GATHER = BATCH / 2;

    /**
     * @param toLoop runs a result on the event loop
     * @param inline run queries on the caller's thread (in-memory tests, where the writer is inline too)
     */
    public SqliteHistoryStore(Database db, Executor toLoop, EventSink events, boolean inline) {
        // one commit per 10 ms at most, not one per message: at a few thousand messages a second
        // that is the difference between a writer that costs a tenth of a core and one that costs half
        this.gatherNanos = inline ? 0 : TimeUnit.MILLISECONDS.toNanos(10);
        this.db = db;
        this.toLoop = toLoop;
        this.events = events;
        if (inline) {
            readerThread = null;
            reader = Runnable::run;
        } else {
            readerThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256), r -> {
                Thread t = new Thread(r, "chatroom-history-reader");
                t.setDaemon(true);
                return t;
            });
            reader = readerThread;
        }
    }

    @Override
    public void append(StoredMessage m) {
        if (queuedCount.incrementAndGet() > MAX_QUEUED) {
            queuedCount.decrementAndGet();
            if (dropped.getAndIncrement() % 10_000 == 0) {
                events.event("History: the disk is not keeping up; " + dropped.get() + " message(s) not stored so far ("
                        + db.file() + ")");
            }
            return;
        }
        queued.add(m);
        if (drainScheduled.compareAndSet(false, true)) {
            scheduledAtNanos = System.nanoTime();
            db.onWriter(this::gatherThenDrain);
        }
    }

    /** On the writer thread: waits until the batch is old or big enough, then writes it (a read does not wait: it drains at once). */
    private void gatherThenDrain() {
        long deadline = scheduledAtNanos + gatherNanos;
        long left;
        while (queuedCount.get() < GATHER && (left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(left, 2_000_000));
        }
        drain();
    }

    /** On the writer thread: everything queued, in batches. */
    private void drain() {
        while (true) {
            drainScheduled.set(false);
            List<StoredMessage> batch = new ArrayList<>(Math.min(BATCH, Math.max(1, queuedCount.get())));
            StoredMessage m;
            while (batch.size() < BATCH && (m = queued.poll()) != null) batch.add(m);
            if (batch.isEmpty()) return;
            db.transaction("store " + batch.size() + " message(s)", c -> insert(c, batch), events);
            // counted as waiting until committed: what a crash can lose is what behind() bounds
            int left = queuedCount.addAndGet(-batch.size());
            if (left <= CAUGHT_UP && wakeWanted.compareAndSet(true, false)) {
                try {
                    toLoop.execute(this::wake);
                } catch (RejectedExecutionException stopped) {
                    // shutting down: the held senders are gone too
                }
            }
        }
    }

    @Override
    public boolean behind() {
        return queuedCount.get() > BEHIND;
    }

    @Override
    public void whenCaughtUp(Runnable task) {
        waiters.add(task);
        wakeWanted.set(true);
        if (!behind() && wakeWanted.compareAndSet(true, false)) toLoop.execute(this::wake);
    }

    /** On the loop: the held senders go on (each checks again and waits again if it must). */
    private void wake() {
        List<Runnable> run = new ArrayList<>(waiters);
        waiters.clear();
        run.forEach(Runnable::run);
    }

    private static void insert(Connection c, List<StoredMessage> batch) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                        "INSERT OR IGNORE INTO messages (msgid, time_ms, prefix, sender_key, account, account_key, command,"
                                + " target, room_key, recipient_key, recipient_account_key, text, tags) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
                PreparedStatement fts =
                        c.prepareStatement("INSERT INTO messages_fts (rowid, plain) VALUES (last_insert_rowid(), ?)")) {
            for (StoredMessage m : batch) {
                s.setString(1, m.msgid());
                s.setLong(2, m.timeMillis());
                s.setString(3, m.prefix());
                s.setString(4, m.senderKey());
                s.setString(5, m.account());
                s.setString(6, m.accountKey());
                s.setString(7, m.command());
                s.setString(8, m.target());
                s.setString(9, m.roomKey());
                s.setString(10, m.recipientKey());
                s.setString(11, m.recipientAccountKey());
                s.setString(12, m.text());
                s.setString(13, tags(m.clientTags()));
                if (s.executeUpdate() == 1) {
                    fts.setString(1, plain(m.text()));
                    fts.executeUpdate();
                }
            }
        }
    }

    /** The words people search for: no colours or formatting, an action without its CTCP wrapping. */
    static String plain(String text) {
        String t = text;
        if (t.startsWith("\u0001ACTION ")) t = t.substring(8, t.endsWith("\u0001") ? t.length() - 1 : t.length());
        return Formatting.strip(t);
    }

    private static String tags(Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) return null;
        StringBuilder sb = new StringBuilder();
        Message.appendTags(sb, tags);
        return sb.toString();
    }

    private static Map<String, String> tags(String text) {
        if (text == null || text.isEmpty()) return Map.of();
        return Collections.unmodifiableMap(
                new LinkedHashMap<>(Message.parse("@" + text + " X").tags()));
    }

    /** A read: after the writer has stored what came before it, on the reader; its result (null when it failed) on the loop. */
    private <T> void read(String what, HistoryReads.Read<T> work, Consumer<T> then) {
        db.onWriter(() -> {
            drain();
            try {
                reader.execute(() -> {
                    T result;
                    try {
                        if (readConnection == null) readConnection = db.openReader();
                        result = work.run(readConnection);
                    } catch (SQLException | RuntimeException e) {
                        events.event("History: cannot " + what + ": "
                                + Database.describe(e instanceof SQLException s ? s : new SQLException(e)));
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
        read("read history", c -> HistoryReads.query(c, q), then);
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
                "list conversations",
                c -> HistoryReads.targets(c, roomKeys, accountKey, afterMillis, beforeMillis, limit),
                then);
    }

    @Override
    public void search(SearchQuery q, Consumer<List<StoredMessage>> then) {
        read("search", c -> HistoryReads.search(c, q), then);
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
            events.event("History: cannot read the recent messages: " + Database.describe(e));
            return List.of();
        }
    }

    @Override
    public void prune(long olderThanMillis, int maxPerRoom) {
        db.onWriter(() -> {
            drain();
            int total = 0;
            int[] removed = new int[1];
            do {
                removed[0] = 0;
                db.transaction(
                        "remove old messages",
                        c -> removed[0] = HistoryReads.prune(c, olderThanMillis, maxPerRoom),
                        events);
                total += removed[0];
                drain(); // what arrived meanwhile is stored before the next chunk: senders are not held back by pruning
            } while (removed[0] >= HistoryReads.PRUNE_CHUNK);
            if (total > 0) events.event("History: removed " + total + " old message(s)");
        });
    }

    @Override
    public void purge(String roomKey, String nickKey, Consumer<Integer> then) {
        db.onWriter(() -> {
            drain();
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
            drain();
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

    /** Stops the reader; what is queued is written by the database's writer before it closes. */
    @Override
    public void close() {
        if (readerThread != null) readerThread.shutdown();
        try {
            if (readConnection != null && readerThread == null) readConnection.close();
        } catch (SQLException ignored) {
            // closing
        }
    }
}

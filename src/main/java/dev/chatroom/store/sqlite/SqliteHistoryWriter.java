package dev.chatroom.store.sqlite;

import dev.chatroom.irc.Message;
import dev.chatroom.log.Event;
import dev.chatroom.log.EventSink;
import dev.chatroom.store.HistoryStore;
import dev.chatroom.store.StoredMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The history's way to the disk: appends wait in a queue and the database's writer thread stores
 * them in batches, one transaction each (group commit: a batch is what arrived while the previous
 * one was being written, at most {@link #BATCH} messages), so the loop never waits for the disk
 * and the disk sees few commits however fast people type. A crash loses at most the batch being
 * written and what was still queued. While too much waits, senders are held back ({@link #behind}).
 * Each append gets a ticket (appends are counted on the loop, in queue order), and after each
 * batch the loop is told how many the writer is done with, so it can answer the senders.
 */
final class SqliteHistoryWriter {
    static final int BATCH = 1000;
    /** Past this many messages waiting for the disk, new ones are not stored (and that is reported), rather than filling the heap. */
    static final int MAX_QUEUED = 200_000;
    /** Past this many waiting, senders are held back ({@link #behind}) until no more than {@link #CAUGHT_UP} wait. */
    static final int BEHIND = 2 * BATCH;

    static final int CAUGHT_UP = BATCH / 2;
    static final int GATHER = BATCH / 2;

    private final Database db;
    private final Executor toLoop;
    private final EventSink events;
    private final ConcurrentLinkedQueue<StoredMessage> queued = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queuedCount = new AtomicInteger();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicInteger dropped = new AtomicInteger();
    /** Tickets handed out: the loop's. */
    private long appended;
    /** Tickets the writer is done with, committed or failed: the writer thread's. */
    private long done;

    private final List<HistoryStore.Written> written = new CopyOnWriteArrayList<>();
    /** Tasks waiting for the disk to catch up: the loop's alone. */
    private final List<Runnable> waiters = new ArrayList<>();

    private final AtomicBoolean wakeWanted = new AtomicBoolean();
    private final WritePause pause = new WritePause(System::nanoTime);
    /** The oldest batch, which the database could not take yet: the writer thread's. */
    private List<StoredMessage> kept;
    /** The least time from one commit to the next (0: none); the writer commits early once {@link #GATHER} wait. */
    private final long gatherNanos;
    /** When the last batch was committed: the writer thread's. */
    private long lastCommitNanos;

    /**
     * @param toLoop runs the held senders on the event loop
     * @param inline commit at once (in-memory tests)
     */
    SqliteHistoryWriter(Database db, Executor toLoop, EventSink events, boolean inline) {
        // one commit per 10 ms at most, not one per message: at a few thousand messages a second
        // that is the difference between a writer that costs a tenth of a core and one that costs half
        this.gatherNanos = inline ? 0 : TimeUnit.MILLISECONDS.toNanos(10);
        this.lastCommitNanos = System.nanoTime() - gatherNanos;
        this.db = db;
        this.toLoop = toLoop;
        this.events = events;
    }

    /** On the loop: queues m; its ticket, or 0 when it is refused. */
    long append(StoredMessage m) {
        if (queuedCount.incrementAndGet() > MAX_QUEUED) {
            queuedCount.decrementAndGet();
            if (dropped.getAndIncrement() % 10_000 == 0) {
                events.event(Event.error(
                                "history_dropped",
                                "History: the disk is not keeping up; " + dropped.get()
                                        + " message(s) not stored so far (" + db.file() + ")")
                        .with("count", dropped.get()));
            }
            return 0;
        }
        long ticket = ++appended; // before the writer can see m: an inline writer reports it at once
        queued.add(m);
        if (drainScheduled.compareAndSet(false, true)) db.onWriter(this::gatherThenDrain);
        return ticket;
    }

    void whenWritten(HistoryStore.Written w) {
        written.add(w);
    }

    /**
     * On the writer thread: writes the batch once the last commit is {@link #gatherNanos} old, or
     * the batch big enough (a read does not wait: it drains at once). A message after a quiet spell
     * is written at once, its sender answered within a commit; under load messages gather.
     */
    private void gatherThenDrain() {
        long deadline = lastCommitNanos + gatherNanos;
        long left;
        while (queuedCount.get() < GATHER && (left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(left, 2_000_000));
        }
        drain();
    }

    /**
     * On the writer thread: everything queued, in batches. A batch the database cannot take for now
     * (a full disk) is kept, and writing pauses until a retry stores it: nothing is lost, and nothing
     * after it is written first. Meanwhile a drain returns at once, so reads do not wait for the disk.
     */
    void drain() {
        while (true) {
            if (!pause.mayTry()) return; // the retry drains; drainScheduled stays set, so appends schedule nothing
            drainScheduled.set(false);
            List<StoredMessage> batch = kept;
            if (batch == null) {
                batch = new ArrayList<>(Math.min(BATCH, Math.max(1, queuedCount.get())));
                StoredMessage m;
                while (batch.size() < BATCH && (m = queued.poll()) != null) batch.add(m);
                if (batch.isEmpty()) return;
            }
            List<StoredMessage> writing = batch;
            SQLException failure = db.tryTransaction(c -> insert(c, writing));
            String passing = failure == null ? null : WritePause.passingReason(failure);
            if (passing != null) {
                kept = batch;
                if (pause.failed(passing)) paused(passing, failure);
                retryLater();
                return;
            }
            kept = null;
            if (failure != null) refused(batch.size(), failure);
            else if (pause.succeeded()) resumed();
            lastCommitNanos = System.nanoTime();
            done += batch.size();
            report(done, failure == null);
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

    private void retryLater() {
        CompletableFuture.delayedExecutor(pause.nanosUntilTry(), TimeUnit.NANOSECONDS, db::onWriter)
                .execute(this::drain);
    }

    private void paused(String why, SQLException e) {
        events.event(Event.error("history_paused", "History paused: " + why + " (" + dataDir() + ")")
                .with("error", Database.describe(e)));
    }

    private void resumed() {
        events.event(Event.info(
                        "history_resumed",
                        "History resumed: the " + queuedCount.get() + " message(s) kept meanwhile are being stored ("
                                + dataDir() + ")")
                .with("count", queuedCount.get()));
    }

    /** The batch itself cannot be stored (not the disk's fault): trying it again would hold up every message behind it. */
    private void refused(int n, SQLException e) {
        events.event(Event.error(
                        "database_error",
                        "Database: cannot store " + n + " message(s): " + Database.describe(e) + " (" + db.file() + ")")
                .with("error", Database.describe(e)));
    }

    private Path dataDir() {
        Path dir = db.file().getParent();
        return dir == null ? Path.of(".") : dir;
    }

    /** Why writing is paused (a full disk), or null while it writes. */
    String pausedReason() {
        return pause.reason();
    }

    /** Tries that failed since the pause began (0: not paused). */
    int pausedTries() {
        return pause.failures();
    }

    /**
     * On the writer thread, when the database closes: a last try for what a pause kept; what still
     * cannot be stored is said, as a crash would lose it.
     */
    void lastTry() {
        if (pause.reason() == null) return;
        pause.tryNow();
        drain();
        if (pause.reason() != null) {
            events.event(Event.error(
                            "history_lost",
                            "History: " + queuedCount.get() + " message(s) kept while paused were not stored ("
                                    + pause.reason() + ", " + dataDir() + ")")
                    .with("count", queuedCount.get()));
        }
    }

    /** Tells the loop how far the writer has come: the senders waiting for these tickets are answered. */
    private void report(long through, boolean stored) {
        for (HistoryStore.Written w : written) {
            try {
                toLoop.execute(() -> w.upTo(through, stored));
            } catch (RejectedExecutionException stopped) {
                // shutting down: nobody is left to answer
            }
        }
    }

    int waiting() {
        return queuedCount.get();
    }

    boolean behind() {
        return queuedCount.get() > BEHIND;
    }

    /** On the loop: runs the task once no more than {@link #CAUGHT_UP} messages wait for the disk. */
    void whenCaughtUp(Runnable task) {
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
                    fts.setString(1, SqliteHistoryStore.plain(m.text()));
                    fts.executeUpdate();
                }
            }
        }
    }

    private static String tags(Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) return null;
        StringBuilder sb = new StringBuilder();
        Message.appendTags(sb, tags);
        return sb.toString();
    }
}

package dev.chatroom.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.store.StoredMessage;
import dev.chatroom.testing.Await;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's side of durable acknowledgement, with its real writer thread: appends get tickets
 * in order, and a report reaches the loop only once its batch is committed (another connection
 * reads it then), or says that a batch that failed was not stored.
 */
class HistoryTicketsTest {
    @TempDir
    Path dir;

    private Database db;
    private SqliteHistoryStore store;
    private ExecutorService loop;
    private Thread loopThread;
    private final List<String> events = new CopyOnWriteArrayList<>();

    /** What the loop heard: through, stored, rows another connection read at that moment, and whether on the loop. */
    private record Report(long through, boolean stored, long rowsThen, boolean onLoop) {}

    private final BlockingQueue<Report> reports = new LinkedBlockingQueue<>();

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir);
        loop = Executors.newSingleThreadExecutor(r -> loopThread = new Thread(r, "test-loop"));
        store = new SqliteHistoryStore(db, loop, events::add, false);
        store.whenWritten((through, stored) ->
                reports.add(new Report(through, stored, rows(), Thread.currentThread() == loopThread)));
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
        loop.shutdownNow();
    }

    private long rows() {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.file());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM messages")) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private List<Long> append(int n, String prefix) throws Exception {
        return loop.submit(() -> {
                    List<Long> tickets = new ArrayList<>();
                    for (int i = 0; i < n; i++) tickets.add(store.append(said(prefix + i)));
                    return tickets;
                })
                .get(10, TimeUnit.SECONDS);
    }

    private Report reportThrough(long ticket) throws InterruptedException {
        while (true) {
            Report r = reports.poll(10, TimeUnit.SECONDS);
            assertThat(r).as("a report reaching ticket %d", ticket).isNotNull();
            if (r.through() >= ticket) return r;
        }
    }

    private static StoredMessage said(String id) {
        return new StoredMessage(
                id,
                1_700_000_000_000L,
                "alice!~alice@host",
                "alice",
                null,
                null,
                "PRIVMSG",
                "#chat",
                "#chat",
                null,
                null,
                "text " + id,
                Map.of());
    }

    @Test
    void ticketsFollowTheAppendsAndAreReportedOnTheLoopOnceCommitted() throws Exception {
        assertThat(append(3, "a")).containsExactly(1L, 2L, 3L);
        Report r = reportThrough(3);
        assertThat(r.stored()).isTrue();
        assertThat(r.onLoop()).isTrue();
        assertThat(r.rowsThen()).isGreaterThanOrEqualTo(3); // committed before the loop heard of it
        assertThat(append(2, "b")).containsExactly(4L, 5L);
        assertThat(reportThrough(5).rowsThen()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aBatchTheDatabaseRefusesIsReportedNotStoredAndTheNextOneIsStored() throws Exception {
        append(1, "ok");
        reportThrough(1);
        // refused for what it says, not for the disk: trying it again would fail again
        onWriter("CREATE TEMP TRIGGER refuse BEFORE INSERT ON messages WHEN NEW.text LIKE '%lost%'"
                + " BEGIN SELECT RAISE(ABORT, 'refused'); END");
        append(2, "lost");
        Report lost = reportThrough(3);
        assertThat(lost.stored()).isFalse();
        assertThat(lost.rowsThen()).isEqualTo(1);
        assertThat(events).anyMatch(e -> e.contains("cannot store 2 message(s)"));

        append(1, "again");
        Report again = reportThrough(4);
        assertThat(again.stored()).isTrue();
        assertThat(again.rowsThen()).isEqualTo(2);
        assertThat(store.pausedReason()).isNull();
    }

    @Test
    void aDatabaseThatCannotBeWrittenPausesHistoryKeepingTheMessagesUntilItCan() throws Exception {
        append(1, "ok");
        reportThrough(1);
        onWriter("PRAGMA query_only = 1"); // SQLITE_READONLY, as a full disk's SQLITE_FULL: it passes
        append(2, "kept");
        Await.until("paused", Duration.ofSeconds(10), () -> store.pausedReason() != null);
        assertThat(store.pausedReason()).isEqualTo("the database is read-only");
        append(1, "after");
        assertThat(store.waiting()).isEqualTo(3);
        Await.until("a retry that fails", Duration.ofSeconds(10), () -> store.pausedTries() >= 2);
        assertThat(reports).isEmpty(); // nothing said written, nothing given up
        assertThat(events).filteredOn(e -> e.startsWith("History paused")).hasSize(1); // once, not at every try

        onWriter("PRAGMA query_only = 0");
        Report resumed = reportThrough(4);
        assertThat(resumed.stored()).isTrue();
        assertThat(rows()).isEqualTo(4);
        assertThat(texts()).containsExactly("text ok0", "text kept0", "text kept1", "text after0");
        assertThat(store.pausedReason()).isNull();
        assertThat(store.waiting()).isZero();
        assertThat(events).filteredOn(e -> e.startsWith("History resumed")).hasSize(1);
    }

    /** Runs the statement on the writer's own connection, on the writer thread, and waits for it. */
    private void onWriter(String sql) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        db.onWriter(() -> {
            try (Statement s = db.connection().createStatement()) {
                s.execute(sql);
                done.complete(null);
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
        done.get(10, TimeUnit.SECONDS);
    }

    private List<String> texts() throws Exception {
        List<String> texts = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.file());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT text FROM messages ORDER BY id")) {
            while (rs.next()) texts.add(rs.getString(1));
        }
        return texts;
    }
}

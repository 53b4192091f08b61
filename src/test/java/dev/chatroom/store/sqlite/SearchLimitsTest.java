package dev.chatroom.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.store.Conversation;
import dev.chatroom.store.HistoryQuery;
import dev.chatroom.store.MessageRef;
import dev.chatroom.store.SearchLimits;
import dev.chatroom.store.SearchQuery;
import dev.chatroom.store.SearchResult;
import dev.chatroom.testing.Await;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search over a large history in a real chatroom.db, with the store's own reader threads: what
 * one search may cost is bounded, and searches never keep others' CHATHISTORY waiting.
 */
class SearchLimitsTest {
    @TempDir
    Path dir;

    private Database db;
    private SqliteHistoryStore store;

    @AfterEach
    void close() {
        if (store != null) store.close();
        if (db != null) db.close();
    }

    /**
     * n messages with the word "deploy" spread over 100 rooms, and every 1000th in #mine; written
     * by SQL in one statement (the writer's path would take minutes for this many).
     */
    private void fill(int n) throws Exception {
        fill(n, HistorySearch.LIMITS);
    }

    private void fill(int n, SearchLimits limits) throws Exception {
        db = Database.open(dir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.file());
                PreparedStatement s =
                        c.prepareStatement("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
                                + " INSERT INTO messages (msgid, time_ms, prefix, sender_key, command, target, room_key, text)"
                                + " SELECT 'm' || i, 1700000000000 + i, 'bob!~bob@host', 'bob', 'PRIVMSG',"
                                + " CASE WHEN i % 1000 = 0 THEN '#mine' ELSE '#room' || (i % 100) END,"
                                + " CASE WHEN i % 1000 = 0 THEN '#mine' ELSE '#room' || (i % 100) END,"
                                + " 'deploy failed again on build ' || i FROM n")) {
            s.setInt(1, n);
            s.executeUpdate();
            c.createStatement().executeUpdate("INSERT INTO messages_fts (rowid, plain) SELECT id, text FROM messages");
        }
        store = new SqliteHistoryStore(db, Runnable::run, line -> {}, false, limits);
    }

    private static SearchQuery deployIn(String room) {
        return deployIn(room, -1);
    }

    private static SearchQuery deployIn(String room, long afterMillis) {
        return new SearchQuery("deploy", List.of(room), null, null, afterMillis, -1, 50, null);
    }

    private SearchResult search(SearchQuery q) throws Exception {
        CompletableFuture<SearchResult> answer = new CompletableFuture<>();
        store.search(q, answer::complete);
        return answer.get(60, TimeUnit.SECONDS);
    }

    private static List<String> builds(SearchResult r) {
        return r.messages().stream().map(m -> m.text().replaceAll(".* ", "")).toList();
    }

    @Test
    void aWordInEveryMessageIsAnsweredWithinTheTimeBudgetWithTheNewestMatchesAndSaysItStoppedEarly() throws Exception {
        fill(150_000);
        long start = System.nanoTime();
        SearchResult r = search(new SearchQuery("deploy", List.of("#mine"), null, null, -1, -1, 1000, null));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // 100,000 candidates examined, newest first: the 100 of #mine among them
        assertThat(r.cutShort()).isTrue();
        assertThat(builds(r)).hasSize(100).startsWith("51000", "52000").endsWith("150000");
        assertThat(took).isLessThan(SearchLimits.TIME.plusMillis(500));
    }

    @Test
    void aSearchThatFindsEnoughOrLooksAtEverythingIsNotCutShort() throws Exception {
        fill(20_000, new SearchLimits(5_000, SearchLimits.TIME));
        SearchResult enough = search(deployIn("#room7"));
        assertThat(enough.cutShort()).isFalse();
        assertThat(builds(enough)).hasSize(50).endsWith("19907");
        // the time bound narrows the candidates to the last 3,000: all of them examined
        SearchResult recent = search(deployIn("#mine", 1_700_000_000_000L + 17_000));
        assertThat(recent.cutShort()).isFalse();
        assertThat(builds(recent)).containsExactly("18000", "19000", "20000");
        SearchResult older = search(deployIn("#mine"));
        assertThat(older.cutShort()).isTrue();
        assertThat(builds(older)).containsExactly("16000", "17000", "18000", "19000", "20000");
    }

    @Test
    void aSearchPastItsTimeIsStoppedWhereverItIsAndAnswersWithWhatItHas() throws Exception {
        fill(50_000, new SearchLimits(Integer.MAX_VALUE, Duration.ofMillis(2)));
        SearchResult r = search(deployIn("#mine"));
        assertThat(r.cutShort()).isTrue();
        assertThat(r.messages()).hasSizeLessThan(50);
    }

    @Test
    void searchesDoNotKeepOthersWaitingForTheirHistory() throws Exception {
        fill(100_000);
        BlockingQueue<String> answered = new LinkedBlockingQueue<>();
        int searches = 10;
        for (int i = 0; i < searches; i++) store.search(deployIn("#mine"), found -> answered.add("search"));
        store.query(
                new HistoryQuery(
                        HistoryQuery.Kind.LATEST, Conversation.room("#room7"), MessageRef.NONE, MessageRef.NONE, 50),
                found -> answered.add("history " + found.size()));
        List<String> seen = new ArrayList<>();
        Await.take("the history read", Duration.ofSeconds(60), answered, a -> a.startsWith("history"), seen);
        assertThat(seen).last().isEqualTo("history 50");
        assertThat(seen)
                .as("searches answered before the history read")
                .filteredOn("search"::equals)
                .hasSizeLessThan(searches);
    }
}

package dev.chatroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.store.HistoryQuery.Kind;
import dev.chatroom.store.redis.RedisHistoryStore;
import dev.chatroom.store.sqlite.Database;
import dev.chatroom.store.sqlite.SqliteHistoryStore;
import dev.chatroom.testing.RedisServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding a message by msgid and removing it (REDACT), in both real stores with their own threads:
 * SQLite (writer and readers) and Redis (a real redis-server; skipped when none is installed).
 */
class RedactStoresTest {
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private final ExecutorService loop = Executors.newSingleThreadExecutor();
    private final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
    private AutoCloseable closing;

    @AfterEach
    void close() throws Exception {
        if (closing != null) closing.close();
        loop.shutdownNow();
    }

    @Test
    void sqliteFindsAndForgetsOneMessage() throws Exception {
        Database db = Database.open(dir);
        SqliteHistoryStore store = new SqliteHistoryStore(db, loop, events::add, false);
        closing = () -> {
            store.close();
            db.close();
        };
        findsAndForgets(store);
    }

    @Test
    void redisFindsAndForgetsOneMessage() throws Exception {
        RedisServer redis = RedisServer.start();
        RedisHistoryStore store = new RedisHistoryStore(redis.uri(), "redact:", loop, events::add);
        closing = () -> {
            store.close(2_000);
            redis.close();
        };
        findsAndForgets(store);
    }

    private void findsAndForgets(HistoryStore store) throws Exception {
        onLoop(() -> {
            store.append(said("r1", 0, "the deploy is done"));
            store.append(said("r2", 1, "the deploy password is hunter2"));
            store.append(privately("p1", 2, "alice", "bob", "a secret"));
            store.append(privately("p2", 3, "bob", "alice", "an answer"));
        });
        assertThat(find(store, Conversation.room("#chat"), "r2"))
                .hasValueSatisfying(m -> assertThat(m.text()).endsWith("hunter2"));
        assertThat(find(store, Conversation.room("#other"), "r2")).isEmpty();
        assertThat(find(store, Conversation.direct("alice", "bob"), "p1")).isPresent();
        assertThat(find(store, Conversation.direct("bob", null), "p1")).isPresent(); // any of bob's conversations
        assertThat(find(store, Conversation.direct("carol", "bob"), "p1")).isEmpty();
        assertThat(find(store, Conversation.room("#chat"), "p1")).isEmpty();

        onLoop(() -> {
            store.redact(said("r2", 1, "the deploy password is hunter2"));
            store.redact(privately("p1", 2, "alice", "bob", "a secret"));
            StoredMessage queued = said("r3", 4, "just said, still queued");
            store.append(queued);
            store.redact(queued); // in order with the append before it: not written back after
        });
        assertThat(texts(store, Conversation.room("#chat"))).containsExactly("the deploy is done");
        assertThat(texts(store, Conversation.direct("alice", "bob"))).containsExactly("an answer");
        assertThat(texts(store, Conversation.direct("bob", "alice"))).containsExactly("an answer");
        SearchResult found = ask(
                then -> store.search(new SearchQuery("deploy", List.of("#chat"), null, null, -1, -1, 10, null), then));
        assertThat(found.messages()).extracting(StoredMessage::text).containsExactly("the deploy is done");
        assertThat(find(store, Conversation.room("#chat"), "r2")).isEmpty();
        assertThat(events).isEmpty();
    }

    private static StoredMessage said(String msgid, long t, String text) {
        return new StoredMessage(
                msgid,
                T0 + t,
                "alice!u@host",
                "alice",
                null,
                null,
                "PRIVMSG",
                "#Chat",
                "#chat",
                null,
                null,
                text,
                Map.of());
    }

    private static StoredMessage privately(String msgid, long t, String from, String to, String text) {
        return new StoredMessage(
                msgid, T0 + t, from + "!u@host", from, from, from, "PRIVMSG", to, null, to, to, text, Map.of());
    }

    private void onLoop(Runnable r) throws Exception {
        CompletableFuture.runAsync(r, loop).get(10, TimeUnit.SECONDS);
    }

    private <T> T ask(Consumer<Consumer<T>> call) throws Exception {
        CompletableFuture<T> answer = new CompletableFuture<>();
        loop.execute(() -> call.accept(answer::complete));
        return answer.get(15, TimeUnit.SECONDS);
    }

    private Optional<StoredMessage> find(HistoryStore store, Conversation conv, String msgid) throws Exception {
        return ask(then -> store.find(conv, msgid, then));
    }

    private List<String> texts(HistoryStore store, Conversation conv) throws Exception {
        List<StoredMessage> found = ask(
                then -> store.query(new HistoryQuery(Kind.LATEST, conv, MessageRef.NONE, MessageRef.NONE, 10), then));
        return found.stream().map(StoredMessage::text).toList();
    }
}

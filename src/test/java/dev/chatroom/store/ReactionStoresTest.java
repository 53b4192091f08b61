package dev.chatroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.store.HistoryQuery.Kind;
import dev.chatroom.store.redis.RedisHistoryStore;
import dev.chatroom.store.sqlite.Database;
import dev.chatroom.store.sqlite.SqliteHistoryStore;
import dev.chatroom.testing.RedisServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * A reply's and a reaction's tags kept by both real stores with their own threads, SQLite and Redis
 * (a real redis-server; skipped when none is installed): a TAGMSG with empty text among the
 * PRIVMSGs, in order, its tags as they were (values that need escaping too), and removable by msgid.
 */
class ReactionStoresTest {
    private static final long T0 = 1_700_000_000_000L;
    /** A value with everything a tag value escapes: ; space \ and a line end, and an emoji. */
    private static final String REACTION = "\uD83C\uDF89 a;b\\c\r\n";

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
    void sqliteKeepsRepliesAndReactions() throws Exception {
        Database db = Database.open(dir);
        SqliteHistoryStore store = new SqliteHistoryStore(db, loop, events::add, false);
        closing = () -> {
            store.close();
            db.close();
        };
        keepsRepliesAndReactions(store);
    }

    @Test
    void redisKeepsRepliesAndReactions() throws Exception {
        RedisServer redis = RedisServer.start();
        RedisHistoryStore store = new RedisHistoryStore(redis.uri(), "react:", loop, events::add);
        closing = () -> {
            store.close(2_000);
            redis.close();
        };
        keepsRepliesAndReactions(store);
    }

    private void keepsRepliesAndReactions(HistoryStore store) throws Exception {
        StoredMessage first = said("m1", 0, "PRIVMSG", "the deploy is done", Map.of());
        StoredMessage reply = said("m2", 1, "PRIVMSG", "great news", Map.of("+draft/reply", "m1"));
        StoredMessage reaction = said("m3", 2, "TAGMSG", "", tags("+draft/react", REACTION, "+draft/reply", "m1"));
        StoredMessage last = said("m4", 3, "PRIVMSG", "thanks", Map.of());
        onLoop(() -> List.of(first, reply, reaction, last).forEach(store::append));

        assertThat(query(store, Kind.LATEST, MessageRef.NONE, 10)).containsExactly(first, reply, reaction, last);
        assertThat(query(store, Kind.BEFORE, MessageRef.msgid("m4"), 2)).containsExactly(reply, reaction);
        assertThat(query(store, Kind.AFTER, MessageRef.msgid("m1"), 2)).containsExactly(reply, reaction);
        assertThat(query(store, Kind.AFTER, MessageRef.time(T0 + 1), 10)).containsExactly(reaction, last);
        SearchResult found = ask(
                then -> store.search(new SearchQuery("great", List.of("#chat"), null, null, -1, -1, 10, null), then));
        assertThat(found.messages()).containsExactly(reply);

        onLoop(() -> store.redact(reaction));
        assertThat(query(store, Kind.LATEST, MessageRef.NONE, 10)).containsExactly(first, reply, last);
        assertThat(events).isEmpty();
    }

    private static Map<String, String> tags(String... namesAndValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) out.put(namesAndValues[i], namesAndValues[i + 1]);
        return out;
    }

    private static StoredMessage said(String msgid, long t, String command, String text, Map<String, String> tags) {
        return new StoredMessage(
                msgid, T0 + t, "bob!u@host", "bob", null, null, command, "#Chat", "#chat", null, null, text, tags);
    }

    private void onLoop(Runnable r) throws Exception {
        CompletableFuture.runAsync(r, loop).get(10, TimeUnit.SECONDS);
    }

    private <T> T ask(Consumer<Consumer<T>> call) throws Exception {
        CompletableFuture<T> answer = new CompletableFuture<>();
        loop.execute(() -> call.accept(answer::complete));
        return answer.get(15, TimeUnit.SECONDS);
    }

    private List<StoredMessage> query(HistoryStore store, Kind kind, MessageRef from, int limit) throws Exception {
        return ask(then ->
                store.query(new HistoryQuery(kind, Conversation.room("#chat"), from, MessageRef.NONE, limit), then));
    }
}

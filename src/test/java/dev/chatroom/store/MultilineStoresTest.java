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
 * A multiline message kept by both real stores with their own threads, SQLite and Redis (a real
 * redis-server; skipped when none is installed): one message whose text has line breaks, its lines
 * given back as they were sent (blank and concat lines too), found by a word of any line, removed whole.
 */
class MultilineStoresTest {
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
    void sqliteKeepsMultilineMessages() throws Exception {
        Database db = Database.open(dir);
        SqliteHistoryStore store = new SqliteHistoryStore(db, loop, events::add, false);
        closing = () -> {
            store.close();
            db.close();
        };
        keepsMultilineMessages(store);
    }

    @Test
    void redisKeepsMultilineMessages() throws Exception {
        RedisServer redis = RedisServer.start();
        RedisHistoryStore store = new RedisHistoryStore(redis.uri(), "multiline:", loop, events::add);
        closing = () -> {
            store.close(2_000);
            redis.close();
        };
        keepsMultilineMessages(store);
    }

    private void keepsMultilineMessages(HistoryStore store) throws Exception {
        List<MultilineText.Line> lines = List.of(
                new MultilineText.Line("hello; a\\b", false),
                new MultilineText.Line("", false),
                new MultilineText.Line("how is ", false),
                new MultilineText.Line("everyone?", true));
        MultilineText text = MultilineText.of(lines);
        StoredMessage before = said("m1", 0, "PRIVMSG", "first", Map.of());
        StoredMessage multiline = said("m2", 1, "PRIVMSG", text.text(), text.storedTags(tags("+draft/reply", "m1")));
        StoredMessage after = said("m3", 2, "PRIVMSG", "last", Map.of());
        onLoop(() -> List.of(before, multiline, after).forEach(store::append));

        List<StoredMessage> all = query(store, Kind.LATEST, MessageRef.NONE, 10);
        assertThat(all).containsExactly(before, multiline, after);
        StoredMessage back = all.get(1);
        assertThat(back.text()).isEqualTo("hello; a\\b\n\nhow is everyone?");
        assertThat(MultilineText.of(back).lines()).isEqualTo(lines);
        assertThat(MultilineText.clientTags(back)).isEqualTo(Map.of("+draft/reply", "m1"));
        SearchResult found = ask(then ->
                store.search(new SearchQuery("everyone", List.of("#chat"), null, null, -1, -1, 10, null), then));
        assertThat(found.messages()).containsExactly(multiline);

        onLoop(() -> store.redact(multiline));
        assertThat(query(store, Kind.LATEST, MessageRef.NONE, 10)).containsExactly(before, after);
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

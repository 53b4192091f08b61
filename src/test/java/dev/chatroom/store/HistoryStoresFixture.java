package dev.chatroom.store;

import dev.chatroom.store.redis.RedisHistoryStore;
import dev.chatroom.store.sqlite.Database;
import dev.chatroom.store.sqlite.SqliteHistoryStore;
import dev.chatroom.testing.RedisServer;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both real history stores with their own threads, as the server runs them: SQLite (writer and
 * readers) and Redis (a real redis-server; skipped when none is installed). Calls go through one
 * loop thread, the store's owner; the store's events are kept to check that none came.
 */
abstract class HistoryStoresFixture {
    static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
    private final ExecutorService loop = Executors.newSingleThreadExecutor();
    private AutoCloseable closing;

    @AfterEach
    void closeStore() throws Exception {
        if (closing != null) closing.close();
        loop.shutdownNow();
    }

    HistoryStore sqlite() throws Exception {
        Database db = Database.open(dir);
        SqliteHistoryStore store = new SqliteHistoryStore(db, loop, events::add, false);
        closing = () -> {
            store.close();
            db.close();
        };
        return store;
    }

    /** prefix: the store's keys, one per test class. */
    HistoryStore redis(String prefix) throws Exception {
        RedisServer redis = RedisServer.start();
        RedisHistoryStore store = new RedisHistoryStore(redis.uri(), prefix, loop, events::add);
        closing = () -> {
            store.close(2_000);
            redis.close();
        };
        return store;
    }

    void onLoop(Runnable r) throws Exception {
        CompletableFuture.runAsync(r, loop).get(10, TimeUnit.SECONDS);
    }

    <T> T ask(Consumer<Consumer<T>> call) throws Exception {
        CompletableFuture<T> answer = new CompletableFuture<>();
        loop.execute(() -> call.accept(answer::complete));
        return answer.get(15, TimeUnit.SECONDS);
    }
}

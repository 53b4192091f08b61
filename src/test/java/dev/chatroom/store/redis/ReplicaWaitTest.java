package dev.chatroom.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.store.Account;
import dev.chatroom.store.Conversation;
import dev.chatroom.store.HistoryQuery;
import dev.chatroom.store.MessageRef;
import dev.chatroom.store.StoredMessage;
import dev.chatroom.testing.Await;
import dev.chatroom.testing.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * redis-wait-replicas against a real primary and, when the test starts one, its replica: a write counts as done only
 * once the replica has it too, so the replica a failover promotes holds everything acknowledged.
 */
class ReplicaWaitTest {
    private static final String PREFIX = "wait:";
    private final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
    private final ExecutorService loop = Executors.newSingleThreadExecutor();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
        loop.shutdownNow();
    }

    private <T extends AutoCloseable> T kept(T t) {
        open.add(t);
        return t;
    }

    private static StoredMessage said(String msgid) {
        return new StoredMessage(
                msgid,
                1_700_000_000_000L,
                "alice!u@host",
                "alice",
                null,
                null,
                "PRIVMSG",
                "#chat",
                "#chat",
                null,
                null,
                msgid,
                Map.of());
    }

    /** Runs on the loop, as the server calls the store, and returns once it ran. */
    private void onLoop(Runnable r) throws Exception {
        CompletableFuture.runAsync(r, loop).get(10, TimeUnit.SECONDS);
    }

    private RedisHistoryStore history(RedisServer redis, int replicas) {
        return kept(new RedisHistoryStore(redis.uri(), PREFIX, ReplicaWait.of(replicas), loop, events::add));
    }

    private List<String> texts(RedisHistoryStore s) throws Exception {
        CompletableFuture<List<String>> answer = new CompletableFuture<>();
        HistoryQuery q = new HistoryQuery(
                HistoryQuery.Kind.LATEST, Conversation.room("#chat"), MessageRef.NONE, MessageRef.NONE, 100);
        loop.execute(() -> s.query(
                q, ms -> answer.complete(ms.stream().map(StoredMessage::text).toList())));
        return answer.get(20, TimeUnit.SECONDS);
    }

    @Test
    void historyIsAcknowledgedOnlyOnceAReplicaHasItAndIsKeptUntilThen() throws Exception {
        RedisServer primary = kept(RedisServer.start());
        RedisHistoryStore s = history(primary, 1);
        onLoop(() -> s.append(said("m1")));
        Await.until(
                "the primary's lack of a replica reported",
                Duration.ofSeconds(10),
                () -> events.stream().anyMatch(e -> e.contains("only 0 of 1 replica(s) confirmed it")));
        assertThat(s.waiting()).isEqualTo(1); // Redis has it, but a failover now would lose it: not acknowledged

        RedisServer replica =
                kept(RedisServer.start(List.of("--replicaof", "127.0.0.1", Integer.toString(primary.port()))));
        Await.until("acknowledgement once the replica has it", Duration.ofSeconds(20), () -> s.waiting() == 0);
        assertThat(events).anyMatch(e -> e.contains("Redis takes writes again"));

        primary.kill();
        assertThat(texts(history(replica, 0))).containsExactly("m1");
    }

    @Test
    void whatIsAcknowledgedIsOnTheReplicaWhenThePrimaryDies() throws Exception {
        RedisServer primary = kept(RedisServer.start());
        RedisServer replica =
                kept(RedisServer.start(List.of("--replicaof", "127.0.0.1", Integer.toString(primary.port()))));
        RedisHistoryStore s = history(primary, 1);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 100; i++) sent.add("m" + i);
        onLoop(() -> sent.forEach(id -> s.append(said(id))));
        Await.until("every append acknowledged", Duration.ofSeconds(20), () -> s.waiting() == 0);
        primary.kill();
        assertThat(texts(history(replica, 0))).isEqualTo(sent);
    }

    @Test
    void aStoreWriteNoReplicaConfirmsIsReported() throws Exception {
        RedisServer primary = kept(RedisServer.start());
        RedisStores stores = kept(RedisStores.open(primary.uri(), PREFIX, events::add, Duration.ofSeconds(5), 100, 1));
        stores.accounts().save(new Account("bob", null, false, 0, Set.of()));
        assertThat(stores.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(events)
                .anyMatch(e -> e.startsWith("Redis redis://127.0.0.1:" + primary.port()
                        + ": cannot save account bob: only 0 of 1 replica(s) confirmed it within 1000 ms"));
    }
}

package dev.chatroom.store.redis;

import dev.chatroom.log.Event;
import dev.chatroom.log.EventSink;
import dev.chatroom.store.Conversation;
import dev.chatroom.store.HistoryQuery;
import dev.chatroom.store.HistoryStore;
import dev.chatroom.store.SearchLimits;
import dev.chatroom.store.SearchQuery;
import dev.chatroom.store.SearchResult;
import dev.chatroom.store.StoredMessage;
import dev.chatroom.store.TargetTime;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * History in Redis, for cluster mode: several server processes share one Redis, and each sees
 * what the others stored. One stream per conversation (a room, or one account's private
 * conversation with a nick, as {@link dev.chatroom.store.Conversation} names it), because
 * a stream's ids are an order Redis keeps for everyone, and XRANGE/XREVRANGE with a count are
 * exactly CHATHISTORY's "the oldest/newest n between two points". The layout is in {@link RedisKeys}.
 *
 * <p>Answers are those of {@link dev.chatroom.store.sqlite.SqliteHistoryStore}, with these
 * differences, all from there being no single table:
 * <ul>
 * <li>Order is per conversation (arrival at Redis), not one order of everything; search and
 *     recentPerRoom merge conversations by message time.</li>
 * <li>An entry's id is its message's own millisecond, so timestamp references, pruning by age and
 *     search's time bounds are by message time; except for a message whose time is behind its
 *     stream's last id (another node's clock, a step back), which is put at that last millisecond:
 *     it keeps its place in arrival order and its own time in the entry, but a timestamp compares
 *     against the later one.</li>
 * <li>A msgid reference must name a message of the conversation queried (SQLite also accepts one
 *     from another private conversation); the position of a msgid in BETWEEN is its entry's millisecond.</li>
 * <li>Search has no index: it scans the conversations newest first, at most
 *     {@link RedisHistoryReads#SEARCH_LIMITS} entries in all, matching words as FTS5 would ({@link SearchWords}).</li>
 * <li>While Redis is unreachable, queries answer an empty list and appends wait in memory
 *     (bounded) to be written when it is back; {@link #behind()} counts them, so past
 *     {@link RedisHistoryWriter#BEHIND} senders are held back as when a disk is slow.</li>
 * </ul>
 *
 * <p>Use: {@code new RedisHistoryStore("redis://host:6379", "chatroom:", loop, events)} at start
 * (it connects at once and throws {@link io.lettuce.core.RedisConnectionException} when Redis
 * cannot be reached then; later losses are survived), and {@link #close()} (or
 * {@link #close(long)}) at shutdown, which writes what is still queued, waiting a bounded time,
 * and shuts the client down. All methods of {@link HistoryStore} are called on the loop; results
 * come back as tasks on {@code loop}.
 */
public final class RedisHistoryStore implements HistoryStore, AutoCloseable {
    public static final String DEFAULT_PREFIX = "chatroom:";
    /** A query that Redis has not answered by then answers empty: a hung Redis does not hang a client's request. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

    static final long CLOSE_TIMEOUT_MILLIS = 10_000;

    private final RedisClient client;
    private final ClientResources ownResources;
    private final boolean ownClient;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisHistoryWriter writer;
    private final RedisHistoryReads reads;
    private final RedisHistoryUpkeep upkeep;
    private final Executor loop;
    private final EventSink events;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Connects to the Redis at uri (redis://host:port[/db]) with {@link #clientOptions()}; close() shuts that client down. */
    public RedisHistoryStore(String uri, String prefix, Executor loop, EventSink events) {
        this(uri, prefix, ReplicaWait.NONE, loop, events);
    }

    /** The same, through Sentinel too, each batch written counted as stored once the replicas asked for have it. */
    RedisHistoryStore(String uri, String prefix, ReplicaWait replicas, Executor loop, EventSink events) {
        this(resources(), RedisAddress.parse(uri), prefix, replicas, loop, events);
    }

    private RedisHistoryStore(
            ClientResources resources,
            RedisURI uri,
            String prefix,
            ReplicaWait replicas,
            Executor loop,
            EventSink events) {
        this(RedisClient.create(resources, uri), resources, true, prefix, replicas, loop, events);
    }

    /**
     * Uses the caller's client (apply {@link #clientOptions()} to it for the outage behaviour
     * described above); close() closes this store's connection and leaves the client running.
     */
    public RedisHistoryStore(RedisClient client, String prefix, Executor loop, EventSink events) {
        this(client, null, false, prefix, ReplicaWait.NONE, loop, events);
    }

    private RedisHistoryStore(
            RedisClient client,
            ClientResources ownResources,
            boolean ownClient,
            String prefix,
            ReplicaWait replicas,
            Executor loop,
            EventSink events) {
        this.client = client;
        this.ownResources = ownResources;
        this.ownClient = ownClient;
        this.loop = loop;
        this.events = events;
        if (ownClient) client.setOptions(clientOptions());
        try {
            this.connection = client.connect();
        } catch (RuntimeException e) {
            if (ownClient) shutdownClient();
            throw e;
        }
        RedisKeys keys = new RedisKeys(prefix == null ? DEFAULT_PREFIX : prefix);
        this.writer = new RedisHistoryWriter(
                connection.async(),
                keys,
                replicas,
                loop,
                events,
                client.getResources().eventExecutorGroup());
        this.reads = new RedisHistoryReads(connection.async(), keys);
        this.upkeep = new RedisHistoryUpkeep(connection.async(), keys);
    }

    /** Every node reads and writes the same streams: a message is appended once, by its sender's node. */
    @Override
    public boolean shared() {
        return true;
    }

    /**
     * Commands are refused at once while disconnected (so a query answers empty instead of queueing
     * behind an outage; the writer keeps its own bounded queue), reconnection is retried at least
     * every second, and no command waits longer than {@link #COMMAND_TIMEOUT}.
     */
    public static ClientOptions clientOptions() {
        return ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build();
    }

    private static ClientResources resources() {
        // Lettuce's default backs off to 30 s between attempts: history would stay in memory that long after Redis is
        // back
        return ClientResources.builder()
                .reconnectDelay(RedisAddress.RECONNECT_DELAY)
                .build();
    }

    /** Written: Redis has answered the script that appended it (a node killed after that loses nothing of it). */
    @Override
    public long append(StoredMessage m) {
        return writer.append(m);
    }

    @Override
    public void whenWritten(Written w) {
        writer.whenWritten(w);
    }

    @Override
    public void query(HistoryQuery q, Consumer<List<StoredMessage>> then) {
        read("read history", () -> reads.query(q), List.of(), then);
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
                () -> reads.targets(roomKeys, accountKey, afterMillis, beforeMillis, limit),
                List.of(),
                then);
    }

    @Override
    public void search(SearchQuery q, Consumer<SearchResult> then) {
        search(q, RedisHistoryReads.SEARCH_LIMITS, then);
    }

    void search(SearchQuery q, SearchLimits limits, Consumer<SearchResult> then) {
        read("search", () -> reads.search(q, limits), SearchResult.NONE, then);
    }

    /** Blocks (it is read once at start, before the loop runs), at most twice the command timeout; nothing when Redis does not answer. */
    @Override
    public List<StoredMessage> recentPerRoom(int perRoom) {
        if (perRoom <= 0) return List.of();
        try {
            return reads.recentPerRoom(perRoom).get(2 * COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (Exception e) {
            events.event(Event.error(
                    "history_failed", "History: cannot read the recent messages from Redis: " + describe(e)));
            return List.of();
        }
    }

    @Override
    public void prune(long olderThanMillis, int maxPerRoom) {
        writer.afterWrites(() -> upkeep.prune(olderThanMillis, maxPerRoom).whenComplete((n, e) -> {
            if (e != null)
                events.event(Event.error(
                        "history_failed", "History: cannot remove old messages from Redis: " + describe(e)));
            else if (n > 0)
                events.event(Event.info("history_pruned", "History: removed " + n + " old message(s)")
                        .with("count", n));
        }));
    }

    @Override
    public void purge(String roomKey, String nickKey, Consumer<Integer> then) {
        read("purge messages", () -> roomKey != null ? upkeep.purgeRoom(roomKey) : upkeep.purgeNick(nickKey), -1, then);
    }

    @Override
    public void find(Conversation conv, String msgid, Consumer<Optional<StoredMessage>> then) {
        read("find a message", () -> reads.find(conv, msgid), null, then);
    }

    /** After the appends before it are acknowledged: a redacted message still on its way goes too. */
    @Override
    public void redact(StoredMessage m) {
        writer.afterWrites(() -> upkeep.redact(m).whenComplete((n, e) -> {
            if (e != null)
                events.event(Event.error(
                        "history_failed", "History: cannot remove a redacted message from Redis: " + describe(e)));
        }));
    }

    @Override
    public void purgeAccount(String accountKey) {
        writer.afterWrites(() -> upkeep.purgeAccount(accountKey).whenComplete((v, e) -> {
            if (e != null)
                events.event(Event.error(
                        "history_failed",
                        "History: cannot erase an account's private messages in Redis: " + describe(e)));
        }));
    }

    @Override
    public boolean behind() {
        return writer.behind();
    }

    @Override
    public void whenCaughtUp(Runnable task) {
        writer.whenCaughtUp(task);
    }

    /** How many appends Redis has not acknowledged yet. */
    @Override
    public int waiting() {
        return writer.waiting();
    }

    /**
     * After everything appended before it is acknowledged (a query sees what came before it), the
     * work; its result, or the fallback when Redis failed or did not answer in time, as a loop task.
     */
    private <T> void read(String what, Supplier<CompletableFuture<T>> work, T fallback, Consumer<T> then) {
        writer.afterWrites(() -> {
            CompletableFuture<T> f;
            try {
                f = work.get();
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            f.orTimeout(2 * COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).whenComplete((result, e) -> {
                if (e != null)
                    events.event(
                            Event.error("history_failed", "History: cannot " + what + " in Redis: " + describe(e)));
                T r = e == null ? result : fallback;
                try {
                    loop.execute(() -> then.accept(r));
                } catch (RejectedExecutionException stopped) {
                    // the server stopped while this was read: nobody is left to answer
                }
            });
        });
    }

    private static String describe(Throwable e) {
        Throwable c = e;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null)
            c = c.getCause();
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    /** {@link #close(long)} with ten seconds. */
    @Override
    public void close() {
        close(CLOSE_TIMEOUT_MILLIS);
    }

    /** Writes what is queued (waiting at most timeoutMillis: Redis may be gone), then closes the connection and the client this store created. */
    public void close(long timeoutMillis) {
        if (!closed.compareAndSet(false, true)) return;
        try {
            int lost = writer.flush(timeoutMillis);
            if (lost > 0)
                events.event(Event.error(
                                "history_lost",
                                "History: Redis did not take the last " + lost
                                        + " message(s) before shutdown; they are lost")
                        .with("count", lost));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
        if (ownClient) shutdownClient();
    }

    private void shutdownClient() {
        client.shutdown();
        if (ownResources != null) ownResources.shutdown();
    }
}

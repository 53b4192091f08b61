package dev.chatroom.store.redis;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.log.EventSink;
import dev.chatroom.store.HistoryStore;
import dev.chatroom.store.StoreException;
import dev.chatroom.store.Stores;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What cluster mode keeps in Redis, opened together at start like {@code store.EmbeddedStores}:
 * accounts and the allow list, bans, rooms, all on one Lettuce connection, so every write of
 * this node reaches Redis in the order the event loop made it, and a point read made after a
 * write sees it.
 *
 * <p>Keys, each a hash whose values are whole records ({@link Fields}):
 * {@code <prefix>accounts}, {@code <prefix>allow}, {@code <prefix>bans}, {@code <prefix>rooms}.
 *
 * <p>Redis going away: Lettuce reconnects by itself ({@link RedisAddress#RECONNECT_DELAY}), through Sentinel to
 * whichever primary it names then, and
 * keeps the writes made meanwhile, up to {@code maxQueued} commands, sending them in order once
 * it is back (a write cut off in flight is sent again; every write here is idempotent). A write
 * beyond that bound, or one Redis refuses, is reported through the EventSink, as are losing the
 * connection and getting it back. Writes never time out while queued; reads do, after the timeout.
 *
 * <p>Threads: the stores' writes and point reads are called on the event loop and never block it.
 * A point read's CompletionStage completes on a Lettuce thread, so its result goes back to the
 * loop as a task ({@code thenAcceptAsync(..., loop)}); the EventSink is called on Lettuce threads
 * too, as the embedded stores call it on their writer. Only {@code open}, the stores' {@code load}
 * methods, {@link #flush} and {@link #close} block, each at most the timeout.
 */
public final class RedisStores implements Stores {
    public static final String DEFAULT_PREFIX = "chatroom:";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Commands waiting for Redis, queued or in flight: a few minutes of a busy server's account, ban and room changes. */
    public static final int DEFAULT_MAX_QUEUED = 10_000;
    /**
     * Netty refuses slf4j-nop, so Lettuce logs through java.util.logging onto the admin console;
     * its reconnect chatter is said through the EventSink instead. Held here: JUL forgets the level
     * of a logger nobody references.
     */
    private static final Logger LETTUCE_LOG = Logger.getLogger("io.lettuce.core");
    /** Its "Cannot reconnect" warnings, one per connection and attempt while Redis is away, are said once by the stores. */
    private static final Logger RECONNECT_LOG = Logger.getLogger("io.lettuce.core.protocol.ConnectionWatchdog");

    static {
        LETTUCE_LOG.setLevel(Level.WARNING);
        RECONNECT_LOG.setLevel(Level.SEVERE);
    }

    private final ClientResources resources;
    private final RedisClient client;
    private final RedisBackend backend;
    private final RedisAccountStore accounts;
    private final RedisBanStore bans;
    private final RedisRoomStore rooms;
    private HistoryStore history = HistoryStore.NONE;

    private RedisStores(ClientResources resources, RedisClient client, RedisBackend backend, EventSink events) {
        this.resources = resources;
        this.client = client;
        this.backend = backend;
        this.accounts = new RedisAccountStore(backend);
        this.bans = new RedisBanStore(backend, events);
        this.rooms = new RedisRoomStore(backend, events);
    }

    /**
     * A cluster node's stores, shared by every node: {@link #open(String, String, EventSink, Duration, int, int)} with
     * the default prefix, timeout and bound, and history (when kept) on a connection of its own, its results handed to
     * loop; every write counted as done once the replicas config asks for have it.
     */
    public static RedisStores open(ServerConfig config, Executor loop, EventSink events) throws StoreException {
        RedisStores stores = open(
                config.redis(),
                DEFAULT_PREFIX,
                events,
                DEFAULT_TIMEOUT,
                DEFAULT_MAX_QUEUED,
                config.redisWaitReplicas());
        if (config.historyDays() > 0)
            stores.history = new RedisHistoryStore(
                    config.redis(), DEFAULT_PREFIX, ReplicaWait.of(config.redisWaitReplicas()), loop, events);
        return stores;
    }

    /**
     * Connects to {@code redis://host:port}, or the primary Sentinel names (blocking, at most the timeout), and reads
     * accounts, the allow list and bans; or says exactly why it cannot, naming the URI.
     *
     * @param prefix put before every key, so several chat networks can share one Redis
     * @param timeout for connecting, for each read, and for flushing at close
     * @param maxQueued writes kept while Redis is unreachable (see the class comment)
     * @param waitReplicas replicas that must confirm each write ({@link ReplicaWait}); 0: none
     */
    public static RedisStores open(
            String uri, String prefix, EventSink events, Duration timeout, int maxQueued, int waitReplicas)
            throws StoreException {
        RedisURI target;
        try {
            target = RedisAddress.parse(uri);
        } catch (RuntimeException e) {
            throw new StoreException(
                    "Redis: " + uri + " is not a Redis URI (redis://host:port): " + RedisBackend.describe(e), e);
        }
        target.setTimeout(timeout);
        target.getSentinels().forEach(s -> s.setTimeout(timeout));
        String where = RedisAddress.where(target);
        ClientResources resources = ClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(RedisAddress.RECONNECT_DELAY)
                .build();
        RedisClient client = RedisClient.create(resources, target);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
                .requestQueueSize(maxQueued)
                // a queued write must outlast an outage; reads get their own timeout (RedisBackend.read)
                .timeoutOptions(TimeoutOptions.builder().timeoutCommands(false).build())
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(timeout)
                        .keepAlive(true)
                        .build())
                .build());
        StatefulRedisConnection<String, String> connection = null;
        try {
            connection = client.connect();
            RedisBackend backend = new RedisBackend(
                    connection, prefix, where, timeout, maxQueued, ReplicaWait.of(waitReplicas), events);
            client.addListener(backend);
            return new RedisStores(resources, client, backend, events);
        } catch (RuntimeException e) {
            if (connection != null) connection.close();
            client.shutdown(Duration.ZERO, timeout);
            resources.shutdown(0, timeout.toMillis(), TimeUnit.MILLISECONDS);
            throw new StoreException("Redis " + where + ": cannot connect: " + reason(e), e);
        }
    }

    /** Lettuce wraps the reason ("Connection refused") in "Unable to connect to ..."; Redis's refusals of a login get a hint. */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String why = RedisBackend.describe(root);
        if (why.startsWith("NOAUTH"))
            return "Redis asks for a password: give it as --redis redis://user:password@host:port";
        if (why.startsWith("WRONGPASS")) return "Redis refused the user name or password given in --redis";
        return why;
    }

    @Override
    public RedisAccountStore accounts() {
        return accounts;
    }

    @Override
    public RedisBanStore bans() {
        return bans;
    }

    @Override
    public RedisRoomStore rooms() {
        return rooms;
    }

    @Override
    public HistoryStore history() {
        return history;
    }

    /** Whichever node starts first makes it (SET NX); every node then reads the same one. */
    @Override
    public byte[] cloakSecret() throws StoreException {
        String key = backend.key("cloak-secret");
        String made = HexFormat.of().formatHex(Stores.newSecret());
        backend.await("make the cloak secret (" + key + ")", backend.redis.set(key, made, SetArgs.Builder.nx()));
        String kept = backend.await("read the cloak secret (" + key + ")", backend.redis.get(key));
        try {
            return HexFormat.of().parseHex(kept);
        } catch (RuntimeException e) {
            throw new StoreException("Redis " + backend.where + ": " + key + " is not a secret this server made", e);
        }
    }

    /** "Redis at redis://host:port" (or redis-sentinel://...#primary), for messages. */
    @Override
    public String where() {
        return "Redis at " + backend.where;
    }

    /** Blocks until Redis has answered every write handed over so far (a refused one is reported); false if the timeout came first. Not for the event loop. */
    public boolean flush(Duration within) {
        return backend.flush(within);
    }

    /** Writes still waiting for Redis's answer (queued or in flight). */
    public int pendingWrites() {
        return backend.pending();
    }

    /** Waits (at most the timeout) for the pending writes, reporting any left unacknowledged, then closes the connection. */
    @Override
    public void close() {
        if (history instanceof RedisHistoryStore h) h.close();
        backend.close(backend.timeout);
        client.shutdown(Duration.ZERO, backend.timeout);
        resources.shutdown(0, backend.timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}

package dev.chatroom.cluster;

import dev.chatroom.store.redis.RedisAddress;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The bus on Redis pub/sub, one channel for the whole cluster. A Lua script numbers each event
 * (INCR) and publishes it in the same atomic step, so the numbers follow the order every
 * subscriber receives them in: one order per cluster, hence per room, and a gap shows a
 * subscriber missed something (pub/sub does not replay what was sent while it was away).
 * Commands are refused, not queued, while Redis is unreachable: a chat line published minutes
 * late would arrive out of its conversation.
 */
public final class RedisBus implements Bus {
    private static final String PUBLISH =
            "local s = redis.call('INCR', KEYS[1]) " + "redis.call('PUBLISH', ARGV[1], s .. ' ' .. ARGV[2]) return s";

    private static final String RENEW =
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end "
                    + "if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end return 0";
    private static final String RELEASE =
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";
    /** How long a command waits for Redis when the connection went quiet without breaking; then it fails. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    /** How often {@link #claim} tries again for a name a dead server may still hold. */
    public static final Duration CLAIM_RETRY = Duration.ofMillis(250);

    private final ClientResources resources;
    private final RedisClient client;
    private final String prefix;
    private final String token = UUID.randomUUID().toString();
    private String nameKey;
    private final String channel;
    private final String seqKey;
    private StatefulRedisConnection<String, String> commands;
    private StatefulRedisPubSubConnection<String, String> events;

    /**
     * Connects to Redis at uri (redis://host:port, or the primary Sentinel names: {@link RedisAddress}); prefix names
     * the channel and keys ("chatroom:").
     */
    public RedisBus(String uri, String prefix) {
        this.resources = ClientResources.builder()
                .reconnectDelay(RedisAddress.RECONNECT_DELAY)
                .build();
        this.client = RedisClient.create(resources, RedisAddress.parse(uri));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(Duration.ofSeconds(2))
                        .build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        this.prefix = prefix;
        this.channel = prefix + "bus";
        this.seqKey = prefix + "bus:seq";
    }

    @Override
    public void start(Listener listener) {
        if (commands == null) commands = client.connect();
        events = client.connectPubSub();
        events.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String ch, String message) {
                int sp = message.indexOf(' ');
                if (sp <= 0) return;
                long seq;
                try {
                    seq = Long.parseLong(message.substring(0, sp));
                } catch (NumberFormatException e) {
                    return; // not ours: someone else publishing on the channel
                }
                listener.received(seq, message.substring(sp + 1));
            }
        });
        RedisConnectionStateListener state = new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress socketAddress) {
                if (connection == events) listener.connected(true);
            }

            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                if (connection == events) listener.connected(false);
            }

            @Override
            public void onRedisExceptionCaught(RedisChannelHandler<?, ?> connection, Throwable cause) {}
        };
        client.addListener(state);
        try {
            events.async().subscribe(channel).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot subscribe to " + channel + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void claim(String node) {
        String key = prefix + "node:" + node;
        if (commands == null) commands = client.connect();
        var sync = commands.sync();
        long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
        while (sync.set(key, token, SetArgs.Builder.nx().px(LEASE.toMillis())) == null) {
            if (System.nanoTime() > deadline) throw new NameTaken(node);
            try {
                Thread.sleep(CLAIM_RETRY.toMillis()); // start-up only: a crashed node's name runs out
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NameTaken(node);
            }
        }
        nameKey = key;
    }

    @Override
    public CompletionStage<Boolean> renew() {
        if (nameKey == null) return CompletableFuture.completedFuture(true);
        try {
            return commands.async()
                    .<Long>eval(
                            RENEW,
                            ScriptOutputType.INTEGER,
                            new String[] {nameKey},
                            token,
                            Long.toString(LEASE.toMillis()))
                    .thenApply(n -> n != null && n > 0);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<Long> publish(String event) {
        try {
            return commands.async()
                    .<Long>eval(PUBLISH, ScriptOutputType.INTEGER, new String[] {seqKey}, channel, event);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        try {
            if (nameKey != null && commands.isOpen()) {
                commands.async()
                        .eval(RELEASE, ScriptOutputType.INTEGER, new String[] {nameKey}, token)
                        .get(2, TimeUnit.SECONDS);
            }
            if (commands != null) commands.closeAsync().get(2, TimeUnit.SECONDS);
            if (events != null) events.closeAsync().get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            // stopping anyway
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}

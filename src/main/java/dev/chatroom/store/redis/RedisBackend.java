package dev.chatroom.store.redis;

import dev.chatroom.log.Event;
import dev.chatroom.log.EventSink;
import dev.chatroom.store.StoreException;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one connection the three stores share, and what they do alike: writes handed to Lettuce
 * and watched (a failure is reported, never thrown at the loop), reads bounded by the timeout
 * (Lettuce's own command timeout is off so that writes can wait out an outage in its queue).
 */
final class RedisBackend implements RedisConnectionStateListener {
    final RedisAsyncCommands<String, String> redis;
    final String prefix;
    final String where;
    final Duration timeout;
    private final StatefulRedisConnection<String, String> connection;
    private final EventSink events;
    private final int maxQueued;
    private final ReplicaWait replicas;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicInteger failedSince = new AtomicInteger();
    private final AtomicBoolean lost = new AtomicBoolean();
    private volatile boolean closing;

    RedisBackend(
            StatefulRedisConnection<String, String> connection,
            String prefix,
            String where,
            Duration timeout,
            int maxQueued,
            ReplicaWait replicas,
            EventSink events) {
        this.connection = connection;
        this.redis = connection.async();
        this.prefix = prefix;
        this.where = where;
        this.timeout = timeout;
        this.maxQueued = maxQueued;
        this.replicas = replicas;
        this.events = events;
    }

    String key(String name) {
        return prefix + name;
    }

    /**
     * Watches one write, just sent, until Redis (and the replicas asked for) have it; what is the admin's wording of it
     * ("save account bob"). A write the replicas do not confirm is reported, not sent again: a later write of the same
     * record may have overtaken it.
     */
    void write(String what, CompletionStage<?> sent) {
        CompletableFuture<?> f = replicas.after(redis, sent);
        pending.add(f);
        f.whenComplete((v, e) -> {
            pending.remove(f);
            if (e == null) {
                // the first success after failures says how many more were lost, so a long outage is one report, not
                // thousands
                if (failing.compareAndSet(true, false)) {
                    int more = failedSince.getAndSet(0);
                    if (more > 0)
                        events.event(Event.warn(
                                        "redis_writes_failed",
                                        "Redis " + where + ": " + more
                                                + " more write(s) failed before this one succeeded.")
                                .with("count", more));
                }
            } else if (failing.compareAndSet(false, true)) {
                events.event(Event.error(
                                "redis_write_failed",
                                "Redis " + where + ": cannot " + what + ": " + describe(e)
                                        + ". Later failures are counted until a write succeeds.")
                        .with("error", describe(e)));
            } else {
                failedSince.incrementAndGet();
            }
        });
    }

    /** A read for a point lookup: fails with a TimeoutException after the timeout; completes on a Lettuce thread. */
    <T> CompletableFuture<T> read(CompletionStage<T> sent) {
        return sent.toCompletableFuture().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A read at start, waited for. */
    <T> T await(String what, CompletionStage<T> sent) throws StoreException {
        try {
            return sent.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new StoreException(
                    "Redis " + where + ": cannot " + what + ": no answer within " + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new StoreException(
                    "Redis " + where + ": cannot " + what + ": " + describe(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Redis " + where + ": interrupted while trying to " + what, e);
        }
    }

    /** Waits until every write handed over so far is answered (done or failed), or the timeout; false when some were not. */
    boolean flush(Duration within) {
        CompletableFuture<?>[] now = pending.toArray(CompletableFuture<?>[]::new);
        try {
            // a failed write is already reported; here only the waiting matters
            CompletableFuture.allOf(now).handle((v, e) -> null).get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    int pending() {
        return pending.size();
    }

    void close(Duration within) {
        closing = true;
        if (!flush(within)) {
            events.event(Event.error(
                            "redis_writes_lost",
                            "Redis " + where + ": " + pending() + " write(s) not acknowledged within "
                                    + within.toSeconds() + " s of closing; they are lost.")
                    .with("count", pending()));
        }
        connection.close();
    }

    @Override
    public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
        if (handler == connection && !closing && lost.compareAndSet(false, true)) {
            events.event(Event.warn(
                    "redis_connection_lost",
                    "Redis " + where + ": connection lost; reconnecting. Up to " + maxQueued
                            + " write(s) wait meanwhile and are sent when it is back."));
        }
    }

    @Override
    public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
        // through Sentinel the address says which primary: after a failover, another one
        if (handler == connection && lost.compareAndSet(true, false))
            events.event(
                    Event.info("redis_reconnected", "Redis " + where + ": connected again, to " + shown(address) + ".")
                            .with("to", shown(address)));
    }

    private static String shown(SocketAddress address) {
        return address instanceof InetSocketAddress a ? a.getHostString() + ":" + a.getPort() : String.valueOf(address);
    }

    static String describe(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) e = e.getCause();
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}

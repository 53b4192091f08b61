package dev.chatroom.store.redis;

import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A write counted as done only once replicas have it (the {@code redis-wait-replicas} setting): Redis answers a write
 * as soon as the primary has it and copies it to its replicas afterwards, so a primary dying in between takes the write
 * with it and the replica Sentinel promotes never had it. {@code WAIT n timeout} sent after the write, on the same
 * connection, answers how many replicas have every write that connection made so far.
 */
record ReplicaWait(int replicas, Duration timeout) {
    /** Long enough for a replica on a network to answer, short enough that a missing one does not hold the connection long. */
    static final Duration TIMEOUT = Duration.ofSeconds(1);

    /** Redis's own answer is enough. */
    static final ReplicaWait NONE = new ReplicaWait(0, TIMEOUT);

    static ReplicaWait of(int replicas) {
        return replicas == 0 ? NONE : new ReplicaWait(replicas, TIMEOUT);
    }

    /**
     * The write, done once the replicas have it; failed with {@link NotReplicated} when fewer confirm in time. Call it
     * right after sending the write, on the connection that sent it.
     */
    <T> CompletableFuture<T> after(RedisAsyncCommands<String, String> redis, CompletionStage<T> write) {
        CompletableFuture<T> written = write.toCompletableFuture();
        if (replicas == 0) return written;
        CompletableFuture<Long> copied;
        try {
            copied = redis.waitForReplication(replicas, timeout.toMillis()).toCompletableFuture();
        } catch (RuntimeException refused) {
            copied = CompletableFuture.failedFuture(refused);
        }
        return written.thenCombine(copied, (result, confirmed) -> {
            if (confirmed < replicas) throw new NotReplicated(confirmed, this);
            return result;
        });
    }

    /** Redis took the write but fewer replicas than asked for confirmed it: a failover now could lose it. */
    static final class NotReplicated extends RuntimeException {
        NotReplicated(long confirmed, ReplicaWait wanted) {
            super("only " + confirmed + " of " + wanted.replicas + " replica(s) confirmed it within "
                    + wanted.timeout.toMillis() + " ms (redis-wait-replicas)");
        }
    }
}

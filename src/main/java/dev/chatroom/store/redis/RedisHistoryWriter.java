package dev.chatroom.store.redis;

import dev.chatroom.log.Event;
import dev.chatroom.log.EventSink;
import dev.chatroom.store.HistoryStore;
import dev.chatroom.store.StoredMessage;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.netty.util.concurrent.EventExecutorGroup;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Appends, in order, one batch in flight at a time (group commit, as SqliteHistoryWriter does on
 * its writer): a batch is one Lua script, so it is written whole and in the order the loop
 * appended, and a failed one is simply sent again. Messages stay in the queue until Redis has
 * acknowledged them, which is what {@link #behind} counts and what survives an outage: while
 * Redis is unreachable the batch is retried every {@link #RETRY_MS} ms, and the queue is bounded
 * ({@link #MAX_QUEUED}) so a long outage costs messages, not the heap. Retrying is safe because
 * the script skips a msgid its stream already has. With replicas asked for ({@link ReplicaWait}),
 * a batch is acknowledged once they have it too, and sent again until they do: after a failover the
 * new primary may lack what the old one answered, and only the script sent again puts it there.
 * A message's ticket is its place among the appends; after each acknowledgement the loop is told
 * how many are done.
 */
final class RedisHistoryWriter {
    static final int BATCH = 500;
    static final int MAX_QUEUED = 100_000;
    /** The same thresholds as SqliteHistoryWriter: past BEHIND unacknowledged, senders are held back until CAUGHT_UP. */
    static final int BEHIND = 2_000;

    static final int CAUGHT_UP = 500;
    static final long RETRY_MS = 200;

    /**
     * KEYS[1] the streams set, then three per target (stream, ids hash, listing set); ARGV[1] how
     * many messages, then per message msgid, time, target count, field count, fields, one listing
     * member per target. "time-*" keeps the message's own time as the id; a message whose time is
     * behind the stream (another node's clock, or this one stepping back) gets the stream's last
     * millisecond instead, so the stream's order is the order of arrival and XADD never fails.
     */
    private static final String APPEND = """
            local k, a, added = 2, 2, 0
            for i = 1, tonumber(ARGV[1]) do
              local msgid, ms, targets, nf = ARGV[a], ARGV[a + 1], tonumber(ARGV[a + 2]), tonumber(ARGV[a + 3])
              a = a + 4
              local fields = {}
              for j = 1, nf do fields[j] = ARGV[a + j - 1] end
              a = a + nf
              for t = 1, targets do
                local stream, ids, index, member = KEYS[k], KEYS[k + 1], KEYS[k + 2], ARGV[a]
                k = k + 3
                a = a + 1
                if redis.call('HEXISTS', ids, msgid) == 0 then
                  local id = redis.pcall('XADD', stream, ms .. '-*', unpack(fields))
                  if type(id) == 'table' and id.err then
                    local info = redis.call('XINFO', 'STREAM', stream)
                    local last = '0-0'
                    for x = 1, #info, 2 do if info[x] == 'last-generated-id' then last = info[x + 1] end end
                    id = redis.call('XADD', stream, string.match(last, '^(%d+)') .. '-*', unpack(fields))
                  end
                  redis.call('HSET', ids, msgid, id)
                  redis.call('SADD', KEYS[1], stream)
                  redis.call('SADD', index, member)
                  added = added + 1
                end
              end
            end
            return added
            """;

    private record Barrier(long appended, Runnable task) {}

    private final RedisAsyncCommands<String, String> redis;
    private final RedisKeys keys;
    private final ReplicaWait replicas;
    private final Executor loop;
    private final EventSink events;
    private final EventExecutorGroup timers;

    // guarded by this: appends come from the loop, acknowledgements from Lettuce's threads
    private final ArrayDeque<StoredMessage> queue = new ArrayDeque<>();
    private final ArrayDeque<Barrier> barriers = new ArrayDeque<>();
    private int inFlight;
    private long appended;
    private long acknowledged;
    private boolean retryScheduled;
    private boolean outage;
    /** Whether the outage is Redis taking writes that no replica confirms (not Redis out of reach). */
    private boolean unconfirmed;

    private boolean stopped;
    private long dropped;
    private volatile int waiting;

    /** The loop's alone, as in SqliteHistoryWriter. */
    private final List<Runnable> waiters = new ArrayList<>();

    private final AtomicBoolean wakeWanted = new AtomicBoolean();

    private final List<HistoryStore.Written> written = new CopyOnWriteArrayList<>();

    RedisHistoryWriter(
            RedisAsyncCommands<String, String> redis,
            RedisKeys keys,
            ReplicaWait replicas,
            Executor loop,
            EventSink events,
            EventExecutorGroup timers) {
        this.redis = redis;
        this.keys = keys;
        this.replicas = replicas;
        this.loop = loop;
        this.events = events;
        this.timers = timers;
    }

    /** Queues m; its ticket (its place among the appends), or 0 when it is refused. */
    long append(StoredMessage m) {
        long ticket;
        synchronized (this) {
            if (stopped) return 0;
            if (queue.size() >= MAX_QUEUED) {
                if (dropped++ % 10_000 == 0)
                    events.event(Event.error(
                                    "history_dropped",
                                    "History: Redis is not keeping up; " + dropped + " message(s) not stored so far")
                            .with("count", dropped));
                return 0;
            }
            queue.add(m);
            ticket = ++appended;
            waiting = queue.size();
        }
        pump();
        return ticket;
    }

    void whenWritten(HistoryStore.Written w) {
        written.add(w);
    }

    /** Runs the task (on the caller's or a Lettuce thread) once everything appended before now is acknowledged, or at once during an outage. */
    void afterWrites(Runnable task) {
        synchronized (this) {
            if (acknowledged < appended && !outage) {
                barriers.add(new Barrier(appended, task));
                return;
            }
        }
        task.run();
    }

    boolean behind() {
        return waiting > BEHIND;
    }

    int waiting() {
        return waiting;
    }

    /** On the loop. */
    void whenCaughtUp(Runnable task) {
        waiters.add(task);
        wakeWanted.set(true);
        if (!behind() && wakeWanted.compareAndSet(true, false)) loop.execute(this::wake);
    }

    private void wake() {
        List<Runnable> run = new ArrayList<>(waiters);
        waiters.clear();
        run.forEach(Runnable::run);
    }

    private void pump() {
        List<StoredMessage> batch;
        synchronized (this) {
            if (inFlight > 0 || retryScheduled || queue.isEmpty() || stopped) return;
            batch = new ArrayList<>(Math.min(BATCH, queue.size()));
            Iterator<StoredMessage> it = queue.iterator();
            while (batch.size() < BATCH && it.hasNext()) batch.add(it.next());
            inFlight = batch.size();
        }
        try {
            send(batch).whenComplete((added, e) -> {
                if (e == null) stored(batch.size(), true);
                else failed(batch.size(), e);
            });
        } catch (RuntimeException e) {
            failed(batch.size(), e);
        }
    }

    private CompletableFuture<Long> send(List<StoredMessage> batch) {
        List<String> k = new ArrayList<>(1 + batch.size() * 3);
        List<String> a = new ArrayList<>(1 + batch.size() * 32);
        k.add(keys.streams());
        a.add(Integer.toString(batch.size()));
        for (StoredMessage m : batch) {
            List<RedisKeys.Target> targets = keys.targets(m);
            List<String> fields = RedisKeys.fields(m);
            a.add(m.msgid());
            a.add(Long.toString(Math.max(0, m.timeMillis())));
            a.add(Integer.toString(targets.size()));
            a.add(Integer.toString(fields.size()));
            a.addAll(fields);
            for (RedisKeys.Target t : targets) {
                k.add(t.stream());
                k.add(t.ids());
                k.add(t.index());
                a.add(t.member());
            }
        }
        return replicas.after(
                redis,
                redis.<Long>eval(APPEND, ScriptOutputType.INTEGER, k.toArray(String[]::new), a.toArray(String[]::new)));
    }

    /** Redis answered for the first n queued: they are stored, or (kept false) refused for good. */
    private void stored(int n, boolean kept) {
        List<Runnable> due = new ArrayList<>();
        boolean back;
        long through;
        synchronized (this) {
            for (int i = 0; i < n; i++) queue.poll();
            inFlight = 0;
            acknowledged += n;
            through = acknowledged;
            waiting = queue.size();
            back = outage;
            outage = false;
            while (!barriers.isEmpty() && barriers.peek().appended() <= acknowledged)
                due.add(barriers.poll().task());
            notifyAll();
        }
        if (back)
            events.event(Event.info(
                            "history_reachable",
                            "History: Redis takes writes again; writing the " + waiting + " message(s) kept meanwhile")
                    .with("count", waiting));
        due.forEach(Runnable::run);
        for (HistoryStore.Written w : written) {
            try {
                loop.execute(() -> w.upTo(through, kept));
            } catch (RejectedExecutionException stopping) {
                // the loop is gone, and the senders waiting for these with it
            }
        }
        if (!behind() && wakeWanted.compareAndSet(true, false)) {
            try {
                loop.execute(this::wake);
            } catch (RejectedExecutionException stopping) {
                // the loop is gone, and the held senders with it
            }
        }
        pump();
    }

    private void failed(int n, Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof RedisCommandExecutionException && !transientError(cause.getMessage())) {
            // Redis answered with an error: sending the same batch again would fail again and block every message
            // behind it
            events.event(Event.error(
                            "history_refused",
                            "History: Redis refused " + n + " message(s), not stored: " + cause.getMessage())
                    .with("count", n));
            stored(n, false);
            return;
        }
        List<Runnable> due;
        boolean first;
        synchronized (this) {
            inFlight = 0;
            // a failover turns "cannot reach Redis" into "no replica confirms": the admin hears of each
            first = !outage || unconfirmed != cause instanceof ReplicaWait.NotReplicated;
            outage = true;
            unconfirmed = cause instanceof ReplicaWait.NotReplicated;
            retryScheduled = true;
            // queries do not wait for writes that cannot be made now: they try Redis themselves and answer empty
            due = new ArrayList<>();
            barriers.forEach(b -> due.add(b.task()));
            barriers.clear();
            notifyAll();
        }
        if (first)
            events.event(Event.warn(
                    "history_unreachable",
                    cause instanceof ReplicaWait.NotReplicated
                            ? "History: Redis took messages but " + cause.getMessage()
                                    + "; keeping them in memory and writing them again until replicas have them"
                            : "History: cannot reach Redis (" + cause.getMessage()
                                    + "); keeping messages in memory and retrying"));
        due.forEach(Runnable::run);
        try {
            timers.schedule(
                    () -> {
                        synchronized (this) {
                            retryScheduled = false;
                        }
                        pump();
                    },
                    RETRY_MS,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shutDown) {
            // the client is shutting down: close() reports what was left
        }
    }

    /** Errors Redis gives while starting, saving or failing over: the batch goes through once they pass. */
    private static boolean transientError(String message) {
        if (message == null) return false;
        for (String p : new String[] {
            "LOADING", "BUSY", "TRYAGAIN", "MASTERDOWN", "READONLY", "OOM", "MISCONF", "NOREPLICAS", "CLUSTERDOWN"
        }) {
            if (message.startsWith(p)) return true;
        }
        return false;
    }

    /** Waits up to the timeout for the queue to be written; then stops taking appends. Returns how many were left unwritten. */
    synchronized int flush(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long left;
        while (!queue.isEmpty() && (left = deadline - System.nanoTime()) > 0)
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        stopped = true;
        return queue.size();
    }
}

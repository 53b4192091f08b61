package dev.chatroom.store.redis;

import dev.chatroom.store.StoredMessage;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Removing history: pruning, the admin's purges, a dropped account's private messages. Each
 * stream is worked on in chunks of {@link #CHUNK} entries, one Lua script per chunk (atomic, so an
 * entry and its msgid go together, and another server's append never sees half a removal), with
 * other commands free to run in between, as SqliteHistoryStore prunes in chunks between batches.
 * A stream left empty is deleted with its ids hash and its listings.
 */
final class RedisHistoryUpkeep {
    static final int CHUNK = 1_000;

    /** The end of every script that removes entries: an emptied stream goes, with what lists it. KEYS as in every script here. */
    private static final String FORGET_IF_EMPTY = """
            if redis.call('XLEN', KEYS[1]) == 0 then
              redis.call('DEL', KEYS[1], KEYS[2])
              redis.call('SREM', KEYS[3], KEYS[1])
              redis.call('SREM', KEYS[4], ARGV[1])
            end
            """;

    private static final String REMOVE_ENTRIES = """
            local function remove(entries)
              for _, e in ipairs(entries) do
                local f = e[2]
                for i = 1, #f, 2 do if f[i] == 'id' then redis.call('HDEL', KEYS[2], f[i + 1]) end end
                redis.call('XDEL', KEYS[1], e[1])
              end
              return #entries
            end
            """;

    /**
     * KEYS stream, ids, streams set, listing set; ARGV member, the last id to remove by age ("0-0":
     * none), how many newest to keep (0: no limit), the chunk. Returns how many went.
     */
    private static final String TRIM = REMOVE_ENTRIES + """
            local chunk = tonumber(ARGV[4])
            local removed = remove(redis.call('XRANGE', KEYS[1], '-', ARGV[2], 'COUNT', chunk))
            local keep = tonumber(ARGV[3])
            if removed < chunk and keep > 0 then
              local over = redis.call('XLEN', KEYS[1]) - keep
              if over > 0 then removed = removed + remove(redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', math.min(over, chunk - removed))) end
            end
            """ + FORGET_IF_EMPTY + "return removed\n";

    /** KEYS as TRIM; ARGV member, then msgids. Returns the msgids removed. */
    private static final String DELETE_IDS = """
            local gone = {}
            for i = 2, #ARGV do
              local id = redis.call('HGET', KEYS[2], ARGV[i])
              if id then
                redis.call('XDEL', KEYS[1], id)
                redis.call('HDEL', KEYS[2], ARGV[i])
                gone[#gone + 1] = ARGV[i]
              end
            end
            """ + FORGET_IF_EMPTY + "return gone\n";

    /** KEYS as TRIM; ARGV member. Returns how many entries the stream had. */
    private static final String DROP = """
            local n = redis.call('XLEN', KEYS[1])
            redis.call('DEL', KEYS[1], KEYS[2])
            redis.call('SREM', KEYS[3], KEYS[1])
            redis.call('SREM', KEYS[4], ARGV[1])
            return n
            """;

    private final RedisAsyncCommands<String, String> redis;
    private final RedisKeys keys;

    RedisHistoryUpkeep(RedisAsyncCommands<String, String> redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    private String[] scriptKeys(String stream) {
        RedisKeys.Target t = keys.target(stream);
        return new String[] {t.stream(), t.ids(), keys.streams(), t.index()};
    }

    /** Removes what is older than the time everywhere, and each room's entries beyond its newest maxPerRoom; the count removed. */
    CompletableFuture<Long> prune(long olderThanMillis, int maxPerRoom) {
        String lastOld = olderThanMillis <= 0 ? "0-0" : RedisKeys.previous(olderThanMillis + "-0");
        return eachStream(stream -> trim(stream, lastOld, keys.isRoom(stream) ? Math.max(0, maxPerRoom) : 0, 0L));
    }

    private CompletableFuture<Long> trim(String stream, String lastOld, int keep, long sofar) {
        String member = keys.target(stream).member();
        return redis.<Long>eval(
                        TRIM,
                        ScriptOutputType.INTEGER,
                        scriptKeys(stream),
                        member,
                        lastOld,
                        Integer.toString(keep),
                        Integer.toString(CHUNK))
                .toCompletableFuture()
                .thenCompose(n -> n >= CHUNK
                        ? trim(stream, lastOld, keep, sofar + n)
                        : CompletableFuture.completedFuture(sofar + n));
    }

    /** One stream after another (not all at once: a server with thousands of rooms does not flood Redis); the counts summed. */
    private CompletableFuture<Long> eachStream(Function<String, CompletableFuture<Long>> work) {
        return redis.smembers(keys.streams()).toCompletableFuture().thenCompose(streams -> {
            CompletableFuture<Long> chain = CompletableFuture.completedFuture(0L);
            for (String s : streams)
                chain = chain.thenCompose(total -> work.apply(s).thenApply(n -> total + n));
            return chain;
        });
    }

    CompletableFuture<Integer> purgeRoom(String roomKey) {
        String stream = keys.room(roomKey);
        return redis.<Long>eval(DROP, ScriptOutputType.INTEGER, scriptKeys(stream), roomKey)
                .toCompletableFuture()
                .thenApply(Long::intValue);
    }

    /**
     * What a nick or account said anywhere, and the private messages it received, as SQLite's purge
     * selects them; a private message kept in both sides' streams is counted once.
     */
    CompletableFuture<Integer> purgeNick(String nickKey) {
        Set<String> gone = ConcurrentHashMap.newKeySet();
        return eachStream(stream -> {
                    boolean room = keys.isRoom(stream);
                    return select(
                                    stream,
                                    m -> nickKey.equals(m.senderKey())
                                                    || nickKey.equals(m.accountKey())
                                                    || (!room
                                                            && (nickKey.equals(m.recipientKey())
                                                                    || nickKey.equals(m.recipientAccountKey())))
                                            ? stream
                                            : null)
                            .thenCompose(byStream -> deleteAll(byStream, gone));
                })
                .thenApply(n -> gone.size());
    }

    /** One message goes from every stream holding it (a private message: both sides'). */
    CompletableFuture<Long> redact(StoredMessage m) {
        Map<String, List<String>> byStream = new LinkedHashMap<>();
        for (RedisKeys.Target t : keys.targets(m)) byStream.put(t.stream(), List.of(m.msgid()));
        return deleteAll(byStream, new HashSet<>());
    }

    /**
     * Every private message the account sent or received goes, from both sides' streams: its own
     * streams are dropped whole, and each message's copy in the other account's stream is deleted by msgid.
     */
    CompletableFuture<Void> purgeAccount(String accountKey) {
        return redis.smembers(keys.dms(accountKey)).toCompletableFuture().thenCompose(nicks -> {
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (String nick : nicks) {
                String stream = keys.dm(accountKey, nick);
                chain = chain.thenCompose(v -> select(stream, m -> otherCopy(accountKey, m)))
                        .thenCompose(copies -> deleteAll(copies, new HashSet<>()))
                        .thenCompose(n -> redis.<Long>eval(DROP, ScriptOutputType.INTEGER, scriptKeys(stream), nick)
                                .toCompletableFuture())
                        .thenApply(n -> null);
            }
            return chain;
        });
    }

    /** The other side's stream holding the same message, or null when there is none (a guest, or a message to oneself). */
    private String otherCopy(String accountKey, StoredMessage m) {
        String other;
        if (accountKey.equals(m.accountKey()))
            other = m.recipientAccountKey() == null ? null : keys.dm(m.recipientAccountKey(), m.senderKey());
        else other = m.accountKey() == null ? null : keys.dm(m.accountKey(), m.recipientKey());
        return other == null
                        || other.equals(keys.dm(
                                accountKey, accountKey.equals(m.accountKey()) ? m.recipientKey() : m.senderKey()))
                ? null
                : other;
    }

    /** Reads a whole stream in chunks; each message's stream to delete it from (null: keep it), as stream -> msgids. */
    private CompletableFuture<Map<String, List<String>>> select(String stream, Function<StoredMessage, String> where) {
        return select(stream, where, null, new LinkedHashMap<>());
    }

    private CompletableFuture<Map<String, List<String>>> select(
            String stream, Function<StoredMessage, String> where, String from, Map<String, List<String>> out) {
        Range<String> range = Range.from(
                from == null ? Range.Boundary.unbounded() : Range.Boundary.including(from), Range.Boundary.unbounded());
        return redis.xrange(stream, range, Limit.from(CHUNK))
                .toCompletableFuture()
                .thenCompose(entries -> {
                    for (StreamMessage<String, String> e : entries) {
                        StoredMessage m = RedisKeys.message(e.getBody());
                        String in = where.apply(m);
                        if (in != null)
                            out.computeIfAbsent(in, k -> new ArrayList<>()).add(m.msgid());
                    }
                    if (entries.size() < CHUNK) return CompletableFuture.completedFuture(out);
                    return select(
                            stream,
                            where,
                            RedisKeys.next(entries.get(entries.size() - 1).getId()),
                            out);
                });
    }

    /** Deletes the msgids from their streams, CHUNK at a time; adds those that went to gone and returns how many did. */
    private CompletableFuture<Long> deleteAll(Map<String, List<String>> byStream, Set<String> gone) {
        CompletableFuture<Long> chain = CompletableFuture.completedFuture(0L);
        for (Map.Entry<String, List<String>> e : byStream.entrySet()) {
            List<String> ids = e.getValue();
            for (int i = 0; i < ids.size(); i += CHUNK) {
                List<String> args = new ArrayList<>();
                args.add(keys.target(e.getKey()).member());
                args.addAll(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
                chain = chain.thenCompose(total -> redis.<List<String>>eval(
                                DELETE_IDS, ScriptOutputType.MULTI, scriptKeys(e.getKey()), args.toArray(String[]::new))
                        .toCompletableFuture()
                        .thenApply(removed -> {
                            gone.addAll(removed);
                            return total + removed.size();
                        }));
            }
        }
        return chain;
    }
}

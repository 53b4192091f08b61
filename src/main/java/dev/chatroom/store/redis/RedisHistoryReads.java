package dev.chatroom.store.redis;

import dev.chatroom.store.Conversation;
import dev.chatroom.store.HistoryQuery;
import dev.chatroom.store.MessageRef;
import dev.chatroom.store.SearchLimits;
import dev.chatroom.store.SearchQuery;
import dev.chatroom.store.SearchResult;
import dev.chatroom.store.StoredMessage;
import dev.chatroom.store.TargetTime;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * History's reads as stream ranges, with HistoryReads' semantics: a msgid is its entry's id in
 * the conversation's stream (one from elsewhere finds nothing), a timestamp the ids on either side
 * of that millisecond, every bound exclusive, the newest or the oldest {@code limit} of the range,
 * oldest first. Bounds are sent inclusive (the id just after or before), so nothing depends on
 * how Redis treats "(" at the ends of the id space.
 */
final class RedisHistoryReads {
    /** Entries read per round trip while searching. */
    static final int SEARCH_CHUNK = 500;
    /**
     * How far back a search looks: without a full-text index it is a scan of the user's
     * conversations, newest first, and this bounds its cost in entries (all conversations
     * together) and time (a search of huge rooms answers from their recent part).
     */
    static final SearchLimits SEARCH_LIMITS = new SearchLimits(20_000, SearchLimits.TIME);

    /** What is left of one search's limits, shared by the scans of its conversations. */
    private static final class Allowance {
        private final AtomicInteger entries;
        private final long deadline;
        private volatile boolean cutShort;

        Allowance(SearchLimits limits) {
            entries = new AtomicInteger(limits.examined());
            deadline = System.nanoTime() + limits.time().toNanos();
        }

        /** Up to wanted more entries may be read: how many; 0 once the limits are reached (the search is cut short). */
        int take(int wanted) {
            int left = System.nanoTime() - deadline > 0 ? 0 : entries.getAndUpdate(n -> Math.max(0, n - wanted));
            if (left <= 0) cutShort = true;
            return Math.min(left, wanted);
        }
    }

    /** A range of one stream; lower/upper null for no bound. empty: the range holds nothing, no need to ask. */
    private record Span(String lower, String upper, boolean empty) {
        static final Span ALL = new Span(null, null, false);
        static final Span NONE = new Span(null, null, true);
    }

    private final RedisAsyncCommands<String, String> redis;
    private final RedisKeys keys;

    RedisHistoryReads(RedisAsyncCommands<String, String> redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    CompletableFuture<List<StoredMessage>> query(HistoryQuery q) {
        String stream = keys.stream(q.conversation());
        if (stream == null || q.limit() <= 0) return CompletableFuture.completedFuture(List.of());
        int limit = q.limit();
        MessageRef from = q.from();
        return switch (q.kind()) {
            case LATEST ->
                from.isNone()
                        ? newest(stream, Span.ALL, limit)
                        : resolve(stream, from).thenCompose(id -> newest(stream, after(from, id, null), limit));
            case BEFORE -> resolve(stream, from).thenCompose(id -> newest(stream, before(from, id, null), limit));
            case AFTER -> resolve(stream, from).thenCompose(id -> oldest(stream, after(from, id, null), limit));
            case AROUND ->
                resolve(stream, from).thenCompose(id -> {
                    if (from.msgid() != null && id == null)
                        return CompletableFuture.completedFuture(List.<StoredMessage>of());
                    String center = id != null ? id : Math.max(0, from.timeMillis()) + "-0";
                    return newest(stream, before(MessageRef.msgid(center), center, null), (limit - 1) / 2)
                            .thenCompose(older -> {
                                Span rest = new Span(center, null, false);
                                return oldest(stream, rest, limit - older.size())
                                        .thenApply(newer -> {
                                            List<StoredMessage> out = new ArrayList<>(older);
                                            out.addAll(newer);
                                            return out;
                                        });
                            });
                });
            case BETWEEN ->
                resolve(stream, from)
                        .thenCompose(a -> resolve(stream, q.to()).thenCompose(b -> {
                            long pa = from.msgid() != null ? (a == null ? 0 : RedisKeys.millis(a)) : from.timeMillis();
                            long pb = q.to().msgid() != null
                                    ? (b == null ? 0 : RedisKeys.millis(b))
                                    : q.to().timeMillis();
                            if (pa <= pb) return oldest(stream, before(q.to(), b, after(from, a, null)), limit);
                            return newest(stream, before(from, a, after(q.to(), b, null)), limit);
                        }));
        };
    }

    /** The ref's entry id when it is a msgid (null when the conversation has no such message); null for a timestamp. */
    private CompletableFuture<String> resolve(String stream, MessageRef ref) {
        if (ref.msgid() == null) return CompletableFuture.completedFuture(null);
        return redis.hget(keys.ids(stream), ref.msgid()).toCompletableFuture();
    }

    /** Entries after the ref (its id, or later than its millisecond), within the span so far. */
    private static Span after(MessageRef ref, String id, Span within) {
        Span s = within == null ? Span.ALL : within;
        if (s.empty() || (ref.msgid() != null && id == null)) return Span.NONE;
        String lower = ref.msgid() != null
                ? RedisKeys.next(id)
                : (ref.timeMillis() < 0 ? null : (ref.timeMillis() + 1) + "-0");
        return new Span(lower, s.upper(), false);
    }

    /** Entries before the ref (its id, or earlier than its millisecond), within the span so far. */
    private static Span before(MessageRef ref, String id, Span within) {
        Span s = within == null ? Span.ALL : within;
        if (s.empty() || (ref.msgid() != null && id == null)) return Span.NONE;
        String upper = RedisKeys.previous(ref.msgid() != null ? id : Math.max(0, ref.timeMillis()) + "-0");
        return upper == null ? Span.NONE : new Span(s.lower(), upper, false);
    }

    private static Range<String> range(Span s) {
        return Range.from(
                s.lower() == null ? Range.Boundary.unbounded() : Range.Boundary.including(s.lower()),
                s.upper() == null ? Range.Boundary.unbounded() : Range.Boundary.including(s.upper()));
    }

    /** The newest limit entries of the span, oldest first. */
    private CompletableFuture<List<StoredMessage>> newest(String stream, Span s, int limit) {
        if (s.empty() || limit <= 0) return CompletableFuture.completedFuture(new ArrayList<>());
        return redis.xrevrange(stream, range(s), Limit.from(limit))
                .toCompletableFuture()
                .thenApply(entries -> {
                    List<StoredMessage> out = messages(entries);
                    Collections.reverse(out);
                    return out;
                });
    }

    /** The oldest limit entries of the span. */
    private CompletableFuture<List<StoredMessage>> oldest(String stream, Span s, int limit) {
        if (s.empty() || limit <= 0) return CompletableFuture.completedFuture(new ArrayList<>());
        return redis.xrange(stream, range(s), Limit.from(limit))
                .toCompletableFuture()
                .thenApply(RedisHistoryReads::messages);
    }

    static List<StoredMessage> messages(List<StreamMessage<String, String>> entries) {
        List<StoredMessage> out = new ArrayList<>(entries.size());
        for (StreamMessage<String, String> e : entries) out.add(RedisKeys.message(e.getBody()));
        return out;
    }

    /** Each conversation's latest entry: a room's name as last written; a private one's other side as the account last saw it named. */
    CompletableFuture<List<TargetTime>> targets(
            List<String> roomKeys, String accountKey, long after, long before, int limit) {
        List<CompletableFuture<TargetTime>> each = new ArrayList<>();
        for (String room : roomKeys) {
            each.add(latest(keys.room(room))
                    .thenApply(m -> m == null || m.target() == null
                            ? null
                            : new TargetTime(m.target(), room, true, m.timeMillis())));
        }
        CompletableFuture<Set<String>> correspondents = accountKey == null
                ? CompletableFuture.completedFuture(Set.of())
                : redis.smembers(keys.dms(accountKey)).toCompletableFuture();
        return correspondents.thenCompose(nicks -> {
            for (String nick : nicks) {
                each.add(latest(keys.dm(accountKey, nick)).thenApply(m -> {
                    if (m == null) return null;
                    boolean sent = accountKey.equals(m.accountKey()) && nick.equals(m.recipientKey());
                    String name = sent ? m.target() : nickOf(m.prefix());
                    return new TargetTime(name, nick, false, m.timeMillis());
                }));
            }
            return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                    .thenApply(done -> {
                        List<TargetTime> out = new ArrayList<>();
                        for (CompletableFuture<TargetTime> f : each) {
                            TargetTime t = f.join();
                            if (t != null && t.latestMillis() > after && t.latestMillis() < before) out.add(t);
                        }
                        out.sort(Comparator.comparingLong(TargetTime::latestMillis));
                        return out.size() > limit ? new ArrayList<>(out.subList(0, Math.max(0, limit))) : out;
                    });
        });
    }

    private static String nickOf(String prefix) {
        int bang = prefix == null ? -1 : prefix.indexOf('!');
        return bang < 0 ? prefix : prefix.substring(0, bang);
    }

    /** The message with this msgid in the conversation; a private one without a correspondent: in any of the account's. */
    CompletableFuture<Optional<StoredMessage>> find(Conversation conv, String msgid) {
        if (conv.isRoom()) return entry(keys.room(conv.roomKey()), msgid);
        if (conv.accountKey() == null) return CompletableFuture.completedFuture(Optional.empty());
        if (conv.correspondentKey() != null) return entry(keys.dm(conv.accountKey(), conv.correspondentKey()), msgid);
        return redis.smembers(keys.dms(conv.accountKey())).toCompletableFuture().thenCompose(nicks -> {
            CompletableFuture<Optional<StoredMessage>> chain = CompletableFuture.completedFuture(Optional.empty());
            for (String nick : nicks)
                chain = chain.thenCompose(
                        found -> found.isPresent() ? chain(found) : entry(keys.dm(conv.accountKey(), nick), msgid));
            return chain;
        });
    }

    private static CompletableFuture<Optional<StoredMessage>> chain(Optional<StoredMessage> found) {
        return CompletableFuture.completedFuture(found);
    }

    private CompletableFuture<Optional<StoredMessage>> entry(String stream, String msgid) {
        return redis.hget(keys.ids(stream), msgid)
                .toCompletableFuture()
                .thenCompose(id -> id == null
                        ? chain(Optional.empty())
                        : redis.xrange(stream, Range.create(id, id))
                                .toCompletableFuture()
                                .thenApply(entries ->
                                        entries.stream().findFirst().map(e -> RedisKeys.message(e.getBody()))));
    }

    private CompletableFuture<StoredMessage> latest(String stream) {
        return redis.xrevrange(stream, Range.unbounded(), Limit.from(1))
                .toCompletableFuture()
                .thenApply(entries -> entries.isEmpty()
                        ? null
                        : RedisKeys.message(entries.get(0).getBody()));
    }

    /**
     * Each stream scanned newest first for its newest matches (at most limit), all of them within
     * the limits together, then merged by time.
     */
    CompletableFuture<SearchResult> search(SearchQuery q, SearchLimits limits) {
        SearchWords words = SearchWords.of(q.words());
        if (words == null || q.limit() <= 0 || (q.roomKeys().isEmpty() && q.accountKey() == null))
            return CompletableFuture.completedFuture(SearchResult.NONE);
        Predicate<StoredMessage> wanted =
                m -> (q.fromKey() == null || q.fromKey().equals(m.senderKey()))
                        && (q.afterMillis() < 0 || m.timeMillis() > q.afterMillis())
                        && (q.beforeMillis() < 0 || m.timeMillis() < q.beforeMillis())
                        && words.matches(m.text());
        // the id's millisecond is the message's time unless that ran behind the stream, so the time bounds narrow the
        // scan too
        Span span = new Span(
                q.afterMillis() < 0 ? null : (q.afterMillis() + 1) + "-0",
                q.beforeMillis() < 0 ? null : RedisKeys.previous(q.beforeMillis() + "-0"),
                q.beforeMillis() == 0);
        CompletableFuture<List<String>> streams;
        List<String> rooms = q.roomKeys().stream().map(keys::room).toList();
        if (q.accountKey() == null) streams = CompletableFuture.completedFuture(rooms);
        else if (q.correspondentKey() != null)
            streams = CompletableFuture.completedFuture(
                    concat(rooms, List.of(keys.dm(q.accountKey(), q.correspondentKey()))));
        else
            streams = redis.smembers(keys.dms(q.accountKey()))
                    .toCompletableFuture()
                    .thenApply(nicks -> concat(
                            rooms,
                            nicks.stream().map(n -> keys.dm(q.accountKey(), n)).toList()));
        Allowance allowance = new Allowance(limits);
        return streams.thenCompose(list -> {
            List<CompletableFuture<List<StoredMessage>>> each = new ArrayList<>();
            for (String s : list) each.add(scan(s, span, wanted, q.limit(), new ArrayList<>(), allowance));
            return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                    .thenApply(done -> {
                        List<StoredMessage> all = new ArrayList<>();
                        for (CompletableFuture<List<StoredMessage>> f : each) all.addAll(f.join());
                        all.sort(Comparator.comparingLong(StoredMessage::timeMillis));
                        return new SearchResult(
                                new ArrayList<>(all.subList(Math.max(0, all.size() - q.limit()), all.size())),
                                allowance.cutShort);
                    });
        });
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** found is newest first while scanning; the result is oldest first. */
    private CompletableFuture<List<StoredMessage>> scan(
            String stream,
            Span span,
            Predicate<StoredMessage> wanted,
            int limit,
            List<StoredMessage> found,
            Allowance allowance) {
        int chunk = span.empty() ? 0 : allowance.take(SEARCH_CHUNK);
        if (chunk == 0) {
            Collections.reverse(found);
            return CompletableFuture.completedFuture(found);
        }
        return redis.xrevrange(stream, range(span), Limit.from(chunk))
                .toCompletableFuture()
                .thenCompose(entries -> {
                    for (StreamMessage<String, String> e : entries) {
                        StoredMessage m = RedisKeys.message(e.getBody());
                        if (wanted.test(m)) found.add(m);
                        if (found.size() >= limit) break;
                    }
                    if (found.size() >= limit || entries.size() < chunk) {
                        Collections.reverse(found);
                        return CompletableFuture.completedFuture(found);
                    }
                    String below =
                            RedisKeys.previous(entries.get(entries.size() - 1).getId());
                    Span rest = below == null ? Span.NONE : new Span(span.lower(), below, false);
                    return scan(stream, rest, wanted, limit, found, allowance);
                });
    }

    /** The newest perRoom of every room, oldest first (by time across rooms, each room in its stream's order). */
    CompletableFuture<List<StoredMessage>> recentPerRoom(int perRoom) {
        return redis.smembers(keys.rooms()).toCompletableFuture().thenCompose(rooms -> {
            List<CompletableFuture<List<StoredMessage>>> each = new ArrayList<>();
            for (String room : rooms) each.add(newest(keys.room(room), Span.ALL, perRoom));
            return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                    .thenApply(done -> {
                        List<StoredMessage> all = new ArrayList<>();
                        for (CompletableFuture<List<StoredMessage>> f : each) all.addAll(f.join());
                        all.sort(Comparator.comparingLong(StoredMessage::timeMillis));
                        return all;
                    });
        });
    }
}

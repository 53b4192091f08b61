package dev.chatroom.store.redis;

import dev.chatroom.log.Event;
import dev.chatroom.log.EventSink;
import dev.chatroom.store.BanStore;
import dev.chatroom.store.Fields;
import dev.chatroom.store.ServerBan;
import dev.chatroom.store.StoreException;
import io.lettuce.core.ScriptOutputType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server's bans in Redis: one hash, {@code <prefix>bans}, its fields the bans' positions in
 * the list ("0", "1", ...) so the order the admin added them in survives, each value a whole ban
 * ({@link Fields}). As in the embedded store the whole list is written on each change (bans are few
 * and change rarely); here by one Lua script (DEL, then HSET each), so another node reading it
 * sees the old list or the new one, never a mix. There is no bans.txt import in cluster mode.
 *
 * <p>Writes are never waited for: while Redis is unreachable they wait in Lettuce's bounded queue
 * and are sent when it is back; a failure is reported through the EventSink.
 */
public final class RedisBanStore implements BanStore {
    private static final String VERSION = "1";
    private static final String REPLACE = "redis.call('DEL', KEYS[1]) "
            + "for i = 1, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end "
            + "return #ARGV / 2";
    private final RedisBackend redis;
    private final String hash;
    private final EventSink events;

    RedisBanStore(RedisBackend redis, EventSink events) {
        this.redis = redis;
        this.hash = redis.key("bans");
        this.events = events;
    }

    /** The saved bans at start (blocking, bounded by the timeout); a damaged ban is reported and left out. */
    @Override
    public List<ServerBan> load() throws StoreException {
        return parse(redis.await("read the bans (" + hash + ")", redis.redis.hgetall(hash)));
    }

    @Override
    public void save(List<ServerBan> bans) {
        String[] args = new String[bans.size() * 2];
        for (int i = 0; i < bans.size(); i++) {
            args[2 * i] = Integer.toString(i);
            args[2 * i + 1] = encode(bans.get(i));
        }
        redis.write("save the bans", redis.redis.eval(REPLACE, ScriptOutputType.INTEGER, new String[] {hash}, args));
    }

    private List<ServerBan> parse(Map<String, String> saved) {
        Map<Integer, ServerBan> ordered = new TreeMap<>();
        for (var e : saved.entrySet()) {
            try {
                ordered.put(Integer.parseInt(e.getKey()), decodeBan(e.getValue()));
            } catch (RuntimeException x) {
                events.event(Event.warn(
                        "ban_damaged",
                        "Redis " + redis.where + ": the ban " + e.getKey() + " in " + hash + " is damaged ("
                                + RedisBackend.describe(x) + "); left out."));
            }
        }
        return new ArrayList<>(ordered.values());
    }

    static String encode(ServerBan b) {
        Instant t = b.since();
        // seconds and nanos rather than millis: an Instant comes back exactly as it went
        return Fields.join(Arrays.asList(
                VERSION, b.mask(), b.reason(), t == null ? null : t.getEpochSecond() + "." + t.getNano()));
    }

    static ServerBan decodeBan(String text) {
        List<String> f = Fields.record(text, VERSION, 3);
        String t = f.get(2);
        Instant since = null;
        if (t != null) {
            int dot = t.indexOf('.');
            since = Instant.ofEpochSecond(Long.parseLong(t.substring(0, dot)), Integer.parseInt(t.substring(dot + 1)));
        }
        return new ServerBan(f.get(0), f.get(1), since);
    }
}

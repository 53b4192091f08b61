package dev.chatroom.store.redis;

import dev.chatroom.store.RoomBan;



import dev.chatroom.irc.Casemapping;
import dev.chatroom.log.EventSink;
import dev.chatroom.store.StoreException;
import dev.chatroom.store.RoomStore;
import dev.chatroom.store.SavedRoom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Rooms' settings in Redis: one hash, {@code <prefix>rooms}, its fields the rooms' keys (the name
 * case-folded, as {@link RoomStore#remove} is given it), each value a whole {@link SavedRoom} with
 * its bans ({@link Fields}). A save is one HSET, so a node told "room R changed" reads back with
 * {@link #room} either the old settings or the new ones.
 *
 * <p>Writes are never waited for: while Redis is unreachable they wait in Lettuce's bounded queue
 * and are sent when it is back; a failure is reported through the EventSink.
 */
public final class RedisRoomStore implements RoomStore {
    private static final String VERSION = "1";
    private final RedisBackend redis;
    private final String hash;
    private final EventSink events;

    RedisRoomStore(RedisBackend redis, EventSink events) {
        this.redis = redis;
        this.hash = redis.key("rooms");
        this.events = events;
    }

    /**
     * Every saved room (blocking, bounded by the timeout). The interface has no way to fail, as with
     * the embedded store: Redis not answering or a damaged room is reported, and what could be read is returned.
     */
    @Override
    public List<SavedRoom> load() {
        Map<String, String> saved;
        try {
            saved = redis.await("read the rooms (" + hash + ")", redis.redis.hgetall(hash));
        } catch (StoreException e) {
            events.event("Rooms: " + e.getMessage() + "; no room is restored.");
            return new ArrayList<>();
        }
        List<SavedRoom> out = new ArrayList<>(saved.size());
        for (var e : saved.entrySet()) {
            try {
                out.add(decodeRoom(e.getValue()));
            } catch (RuntimeException x) {
                events.event("Rooms: the room " + e.getKey() + " in " + hash + " (Redis " + redis.where + ") is damaged (" + RedisBackend.describe(x)
                        + "); it is not restored.");
            }
        }
        return out;
    }

    /** The room saved under this key (case-folded name), as Redis has it now; fails after the timeout. */
    public CompletionStage<Optional<SavedRoom>> room(String key) {
        return redis.read(redis.redis.hget(hash, key)).thenApply(v -> Optional.ofNullable(v).map(RedisRoomStore::decodeRoom));
    }

    @Override
    public void save(SavedRoom r) {
        redis.write("save the room " + r.name(), redis.redis.hset(hash, Casemapping.fold(r.name()), encode(r)));
    }

    @Override
    public void remove(String roomKey) {
        redis.write("forget the room " + roomKey, redis.redis.hdel(hash, roomKey));
    }

    static String encode(SavedRoom r) {
        List<String> bans = null;
        if (r.bans() != null) {
            bans = new ArrayList<>(r.bans().size());
            for (RoomBan b : r.bans()) bans.add(Fields.join(Arrays.asList(b.mask(), b.setBy(), Long.toString(b.setAtSeconds()))));
        }
        return Fields.join(Arrays.asList(VERSION, r.name(), Long.toString(r.createdMillis()), r.topic(), r.topicSetBy(), Long.toString(r.topicSetAtMillis()),
                r.flags(), r.key(), Integer.toString(r.limit()), Fields.list(bans)));
    }

    static SavedRoom decodeRoom(String text) {
        List<String> f = Fields.record(text, VERSION, 9);
        List<String> saved = Fields.unlist(f.get(8));
        List<RoomBan> bans = null;
        if (saved != null) {
            bans = new ArrayList<>(saved.size());
            for (String s : saved) {
                List<String> b = Fields.split(s);
                if (b.size() != 3) throw new IllegalArgumentException("a ban of " + b.size() + " fields");
                bans.add(new RoomBan(b.get(0), b.get(1), Long.parseLong(b.get(2))));
            }
            bans = List.copyOf(bans);
        }
        return new SavedRoom(f.get(0), Long.parseLong(f.get(1)), f.get(2), f.get(3), Long.parseLong(f.get(4)), f.get(5), f.get(6), Integer.parseInt(f.get(7)),
                bans);
    }
}

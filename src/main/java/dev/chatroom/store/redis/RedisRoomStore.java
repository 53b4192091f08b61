package dev.chatroom.store.redis;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.log.Event;
import dev.chatroom.log.EventSink;
import dev.chatroom.store.RoomStore;
import dev.chatroom.store.SavedRoom;
import dev.chatroom.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Rooms' settings in Redis: one hash, {@code <prefix>rooms}, its fields the rooms' keys (the name
 * case-folded, as {@link RoomStore#remove} is given it), each value a whole {@link SavedRoom} with
 * its bans, in its {@link SavedRoom#text() text form}. A save is one HSET, so a node told "room R
 * changed" reads back with {@link #room} either the old settings or the new ones.
 *
 * <p>Writes are never waited for: while Redis is unreachable they wait in Lettuce's bounded queue
 * and are sent when it is back; a failure is reported through the EventSink.
 */
public final class RedisRoomStore implements RoomStore {
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
            events.event(Event.error("rooms_unreadable", "Rooms: " + e.getMessage() + "; no room is restored."));
            return new ArrayList<>();
        }
        List<SavedRoom> out = new ArrayList<>(saved.size());
        for (var e : saved.entrySet()) {
            try {
                out.add(SavedRoom.parse(e.getValue()));
            } catch (RuntimeException x) {
                events.event(Event.warn(
                                "room_damaged",
                                "Rooms: the room " + e.getKey() + " in " + hash + " (Redis " + redis.where
                                        + ") is damaged (" + RedisBackend.describe(x) + "); it is not restored.")
                        .room(e.getKey()));
            }
        }
        return out;
    }

    /** The room saved under this key (case-folded name), as Redis has it now; fails after the timeout. */
    public CompletionStage<Optional<SavedRoom>> room(String key) {
        return redis.read(redis.redis.hget(hash, key))
                .thenApply(v -> Optional.ofNullable(v).map(SavedRoom::parse));
    }

    @Override
    public void save(SavedRoom r) {
        redis.write("save the room " + r.name(), redis.redis.hset(hash, Casemapping.fold(r.name()), r.text()));
    }

    @Override
    public void remove(String roomKey) {
        redis.write("forget the room " + roomKey, redis.redis.hdel(hash, roomKey));
    }
}

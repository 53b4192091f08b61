package dev.chatroom.client;

import dev.chatroom.irc.Casemapping;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The unread messages of each room: their times, so that a read marker (another device read the
 * room) takes away exactly those it covers. Not synchronized: {@link SessionState} guards it.
 */
final class Unread {
    /** Past this many a room's oldest unread are forgotten: the count is only there to be glanced at. */
    static final int MAX_PER_ROOM = 10_000;

    private final Map<String, TreeMap<Instant, Integer>> byRoom = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();

    void add(String room, Instant time) {
        String key = Casemapping.fold(room);
        TreeMap<Instant, Integer> times = byRoom.computeIfAbsent(key, k -> new TreeMap<>());
        times.merge(time, 1, Integer::sum);
        int n = counts.merge(key, 1, Integer::sum);
        if (n > MAX_PER_ROOM) take(key, times.firstKey());
    }

    /** The room was read up to then (on another device, or here before a reconnection). */
    void readUpTo(String room, Instant upTo) {
        String key = Casemapping.fold(room);
        TreeMap<Instant, Integer> times = byRoom.get(key);
        while (times != null && !times.isEmpty() && !times.firstKey().isAfter(upTo)) take(key, times.firstKey());
    }

    void clear(String room) {
        String key = Casemapping.fold(room);
        byRoom.remove(key);
        counts.remove(key);
    }

    int count(String room) {
        return counts.getOrDefault(Casemapping.fold(room), 0);
    }

    /** Takes one message at that time away. */
    private void take(String key, Instant time) {
        TreeMap<Instant, Integer> times = byRoom.get(key);
        if (times.merge(time, -1, Integer::sum) == 0) times.remove(time);
        counts.merge(key, -1, Integer::sum);
    }
}

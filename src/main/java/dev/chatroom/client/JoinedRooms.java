package dev.chatroom.client;

import dev.chatroom.irc.Casemapping;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The rooms this client is in, in the order it joined them, each with its members and topic.
 * Written on the network thread, read by the terminal: every method is synchronized.
 */
final class JoinedRooms {
    private final Map<String, Room> byName = new LinkedHashMap<>();

    static final class Room {
        final String name;
        final Set<String> members = new ConcurrentSkipListSet<>(Comparator.comparing(Casemapping::fold));
        volatile String topic;

        Room(String name) {
            this.name = name;
        }
    }

    synchronized Room add(String name) {
        return byName.computeIfAbsent(Casemapping.fold(name), k -> new Room(name));
    }

    synchronized void remove(String name) {
        byName.remove(Casemapping.fold(name));
    }

    synchronized Room find(String name) {
        return name == null ? null : byName.get(Casemapping.fold(name));
    }

    synchronized boolean contains(String name) {
        return find(name) != null;
    }

    /** Room names in join order. */
    synchronized List<String> names() {
        List<String> out = new ArrayList<>();
        for (Room r : byName.values()) out.add(r.name);
        return out;
    }

    /** Removes a nick from every room; returns the rooms it was in. */
    synchronized List<String> quit(String nick) {
        List<String> out = new ArrayList<>();
        for (Room r : byName.values()) if (r.members.remove(nick)) out.add(r.name);
        return out;
    }

    synchronized void rename(String old, String now) {
        for (Room r : byName.values()) if (r.members.remove(old)) r.members.add(now);
    }

    /** Everyone in any of our rooms, for completion. */
    synchronized Set<String> everyone() {
        Set<String> all = new TreeSet<>(Comparator.comparing(Casemapping::fold));
        for (Room r : byName.values()) all.addAll(r.members);
        return all;
    }

    synchronized void clear() {
        byName.clear();
    }
}

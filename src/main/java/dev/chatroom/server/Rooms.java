package dev.chatroom.server;

import dev.chatroom.irc.Casemapping;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every room on the server by case-folded name. */
public final class Rooms {
    private final Map<String, Room> byName = new LinkedHashMap<>();

    public Room find(String name) {
        return byName.get(Casemapping.fold(name));
    }

    Room create(String name, boolean permanent, long nowMillis) {
        Room r = new Room(name, permanent, nowMillis);
        byName.put(Casemapping.fold(name), r);
        return r;
    }

    void removeIfAbandoned(Room r) {
        if (r.size() == 0 && !r.permanent()) byName.remove(Casemapping.fold(r.name()));
    }

    public Collection<Room> all() {
        return Collections.unmodifiableCollection(byName.values());
    }

    public int count() {
        return byName.size();
    }
}

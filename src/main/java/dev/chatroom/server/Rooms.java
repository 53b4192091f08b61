package dev.chatroom.server;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.server.output.Output;
import dev.chatroom.server.output.Replies;
import dev.chatroom.store.RoomStore;
import dev.chatroom.store.SavedRoom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every room on the server by case-folded name; rooms are created on first join and go when abandoned. */
public final class Rooms {
    private final Map<String, Room> byName = new LinkedHashMap<>();
    private final Output output;
    private final Clock clock;
    private final History history;
    private final RoomStore store;
    private final ReadMarkers readMarkers;
    private boolean stopping;

    Rooms(Output output, Clock clock, History history, RoomStore store, ReadMarkers readMarkers) {
        this.readMarkers = readMarkers;
        this.output = output;
        this.clock = clock;
        this.history = history;
        this.store = store;
    }

    /**
     * At start: the rooms there were, empty, with their topics, modes (+i too: a restart never opens a closed room),
     * bans and operators' accounts; the default room takes its saved settings.
     */
    void restore(List<SavedRoom> saved) {
        for (SavedRoom s : saved) {
            Room room = find(s.name());
            if (room == null) {
                room = new Room(this, s.name(), false, s.createdMillis());
                byName.put(Casemapping.fold(s.name()), room);
            }
            room.restore(s);
        }
    }

    /** A room as another node of the cluster has it: made if missing; its settings taken when none of our users is inside. */
    public Room mirror(SavedRoom s) {
        Room room = find(s.name());
        if (room == null) {
            room = new Room(this, s.name(), false, s.createdMillis());
            byName.put(Casemapping.fold(s.name()), room);
        } else if (!Arrays.stream(room.members()).allMatch(Connection::isRemote)) {
            return room;
        }
        room.restore(s);
        return room;
    }

    /** The room's topic or modes changed (or it was made): saved, so a restart brings it back. */
    void changed(Room room) {
        if (room.exists()) store.save(room.saved());
    }

    /** c logged in: the rooms it is in remember it as an operator, or make it one (see {@link Room#loggedIn}). */
    public void loggedIn(Connection c) {
        for (Room r : c.rooms()) r.loggedIn(c);
    }

    /** The account was dropped: no room remembers it as an operator any more. */
    public void accountDropped(String account) {
        for (Room r : byName.values()) r.forgetOperator(account);
    }

    public Room find(String name) {
        return name == null ? null : byName.get(Casemapping.fold(name));
    }

    /** The default room: there from the start, whether or not anyone is in it. */
    void createPermanent(String name) {
        byName.put(Casemapping.fold(name), new Room(this, name, true, clock.millis()));
    }

    /** c joins the named room (already validated), which is created if it does not exist. */
    public Room join(Connection c, String name, Replies r) {
        Room room = find(name);
        boolean created = room == null;
        if (created) {
            room = new Room(this, name, false, clock.millis());
            byName.put(Casemapping.fold(name), room);
            changed(room);
        }
        boolean wasIn = room.contains(c);
        room.join(c, r);
        if (!wasIn) history.joined(c, room, r);
        return room;
    }

    /** The server is shutting down: rooms emptied now are kept for the restart. */
    void stopping() {
        stopping = true;
    }

    void abandoned(Room r) {
        String key = Casemapping.fold(r.name());
        if (!byName.remove(key, r) || stopping) return;
        store.remove(key);
        history.roomGone(
                key,
                r.modes().has(ChannelMode.SECRET)
                        || r.modes().has(ChannelMode.INVITE_ONLY)
                        || r.modes().key() != null);
    }

    public Collection<Room> all() {
        return Collections.unmodifiableCollection(byName.values());
    }

    public int count() {
        return byName.size();
    }

    /** Everyone who shares a room with c, each once, c excluded. */
    public Collection<Connection> coMembers(Connection c) {
        List<Room> in = c.rooms();
        if (in.isEmpty()) return List.of();
        if (in.size() == 1) {
            List<Connection> out = new ArrayList<>(in.get(0).size());
            for (Connection m : in.get(0).members()) if (m != c) out.add(m);
            return out;
        }
        Map<Connection, Boolean> seen = new IdentityHashMap<>();
        for (Room r : in) for (Connection m : r.members()) if (m != c) seen.put(m, Boolean.TRUE);
        return seen.keySet();
    }

    ReadMarkers readMarkers() {
        return readMarkers;
    }

    Output output() {
        return output;
    }
}

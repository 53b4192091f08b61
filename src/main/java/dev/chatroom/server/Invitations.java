package dev.chatroom.server;

import java.util.Arrays;
import java.util.List;

/**
 * The rooms a connection was invited to and has not joined yet: at most {@link #MAX}, the oldest
 * forgotten first. A value, replaced on each change, so the many connections never invited share
 * {@link #NONE} instead of each holding an empty one.
 */
public final class Invitations {
    public static final int MAX = 16;
    static final Invitations NONE = new Invitations(new Room[0]);

    private final Room[] rooms;

    private Invitations(Room[] rooms) {
        this.rooms = rooms;
    }

    public boolean contains(Room r) {
        for (Room i : rooms) if (i == r) return true;
        return false;
    }

    /** These and r; the oldest is forgotten when there would be too many. */
    Invitations with(Room r) {
        if (contains(r)) return this;
        int keep = Math.min(rooms.length, MAX - 1);
        Room[] next = new Room[keep + 1];
        System.arraycopy(rooms, rooms.length - keep, next, 0, keep);
        next[keep] = r;
        return new Invitations(next);
    }

    /** These without r: joining uses the invitation up. */
    Invitations without(Room r) {
        if (!contains(r)) return this;
        return new Invitations(Arrays.stream(rooms).filter(i -> i != r).toArray(Room[]::new));
    }

    /** Invitations still open, to rooms that still exist. */
    public List<Room> open() {
        return Arrays.stream(rooms).filter(Room::exists).toList();
    }
}

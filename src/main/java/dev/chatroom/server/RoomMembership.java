package dev.chatroom.server;

import java.util.Arrays;
import java.util.List;

/**
 * The rooms a connection is in, in join order, and its status in each (Room's flags). A base
 * class of {@link Connection} rather than an object it holds: every connection has it, and an
 * extra object would cost each of them a header and a pointer. The first room is kept in
 * fields: most people are in one room, and arrays cost every connection. Changed by
 * {@link Room} only, which keeps both sides of membership together.
 */
abstract class RoomMembership {
    private static final Room[] NO_ROOMS = new Room[0];
    private Room room0;
    private byte flags0;
    private Room[] more = NO_ROOMS;
    private byte[] moreFlags;
    private int roomCount;

    /** The rooms this connection is in, in the order it joined them. */
    public List<Room> rooms() {
        if (roomCount == 0) return List.of();
        Room[] all = new Room[roomCount];
        for (int i = 0; i < roomCount; i++) all[i] = roomAt(i);
        return List.of(all);
    }

    public int roomCount() {
        return roomCount;
    }

    private Room roomAt(int i) {
        return i == 0 ? room0 : more[i - 1];
    }

    /** True when this connection is in r. */
    public boolean isIn(Room r) {
        return slot(r) >= 0;
    }

    /** Its status flags in r (see Room), or -1 when not in it. */
    int flagsIn(Room r) {
        int i = slot(r);
        return i < 0 ? -1 : i == 0 ? flags0 : moreFlags[i - 1];
    }

    void flagsIn(Room r, int flags) {
        int i = slot(r);
        if (i == 0) flags0 = (byte) flags;
        else if (i > 0) moreFlags[i - 1] = (byte) flags;
    }

    private int slot(Room r) {
        if (roomCount == 0) return -1;
        if (room0 == r) return 0;
        for (int i = 1; i < roomCount; i++) if (more[i - 1] == r) return i;
        return -1;
    }

    /** Called by Room only, which keeps both sides of membership together. */
    void joined(Room r, int flags) {
        if (roomCount == 0) {
            room0 = r;
            flags0 = (byte) flags;
        } else {
            int i = roomCount - 1;
            if (i == more.length) {
                more = Arrays.copyOf(more, Math.max(2, i * 2));
                moreFlags = moreFlags == null ? new byte[more.length] : Arrays.copyOf(moreFlags, more.length);
            }
            more[i] = r;
            moreFlags[i] = (byte) flags;
        }
        roomCount++;
    }

    /** Called by Room only. */
    void left(Room r) {
        int i = slot(r);
        if (i < 0) return;
        if (i == 0) {
            if (roomCount > 1) {
                room0 = more[0];
                flags0 = moreFlags[0];
                i = 1; // the first of the others moved up: remove its old place
            } else {
                room0 = null;
                roomCount = 0;
                return;
            }
        }
        int j = i - 1;
        System.arraycopy(more, j + 1, more, j, roomCount - 2 - j);
        System.arraycopy(moreFlags, j + 1, moreFlags, j, roomCount - 2 - j);
        more[roomCount - 2] = null;
        roomCount--;
    }
}

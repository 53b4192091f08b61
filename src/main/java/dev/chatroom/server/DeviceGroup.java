package dev.chatroom.server;

import java.util.ArrayList;
import java.util.List;

/**
 * One person on several devices ({@link Devices}), as each connection sees it: the person it speaks
 * for, or, for the person, its other devices. A base class of {@link Connection}, as {@link
 * RoomMembership} is: every connection has it, and an object of its own would cost each a header.
 */
abstract class DeviceGroup extends RoomMembership {
    /** The person this is another device of; null for a person itself. */
    private Connection person;
    /** A person's other devices, in arrival order; null while it has none. */
    private List<Connection> devices;

    /** The person this connection speaks for: itself, or the one it is another device of. */
    public Connection person() {
        return person == null ? (Connection) this : person;
    }

    /** Another device of someone already present: its lines act as that person, its replies come here. */
    public boolean isDevice() {
        return person != null;
    }

    void person(Connection p) {
        person = p;
    }

    /** A person's other devices: each gets what the person is sent. Empty for most. */
    public List<Connection> devices() {
        return devices == null ? List.of() : devices;
    }

    void addDevice(Connection d) {
        if (devices == null) devices = new ArrayList<>(2);
        devices.add(d);
    }

    void removeDevice(Connection d) {
        if (devices != null && devices.remove(d) && devices.isEmpty()) devices = null;
    }
}

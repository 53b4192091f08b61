package dev.chatroom.server;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Message;
import dev.chatroom.server.output.Output;
import dev.chatroom.server.output.Replies;

/** A room as a device of one of its members is shown it, as if that device had just joined. */
final class RoomView {
    private RoomView() {}

    /** The JOIN (extended-join if the device asked for it), the read marker, the topic, the members. */
    static void show(Room room, Connection device, Output output, ReadMarkers markers) {
        if (!device.link().isOpen()) return;
        Connection c = device.person();
        Replies r = output.replies(device);
        r.add(
                device.has(Capability.EXTENDED_JOIN)
                        ? Message.trailing(
                                c.prefix(),
                                "JOIN",
                                room.name(),
                                c.account() == null ? "*" : c.account(),
                                c.realname() == null ? "" : c.realname())
                        : Message.of(c.prefix(), "JOIN", room.name()));
        markers.joined(c, room.name(), r);
        if (room.topic() != null) room.sendTopic(r);
        room.sendNames(r);
        r.flush();
    }
}

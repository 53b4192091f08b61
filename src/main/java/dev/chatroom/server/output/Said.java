package dev.chatroom.server.output;

import dev.chatroom.server.Connection;

/**
 * Something a user said, on its way to its recipients, each in the form it negotiated: a
 * {@link Broadcast} (one line) or a {@link MultilineBroadcast}. Close it once sent.
 */
public interface Said extends AutoCloseable {
    String msgid();

    long timeMillis();

    /** To this one connection only. */
    void sendToConnection(Connection c);

    /** To c and each of its other devices. */
    default void sendTo(Connection c) {
        sendToConnection(c);
        for (Connection d : c.devices()) sendToConnection(d);
    }

    /** To the person's connections other than device (which gets its copy with its replies). */
    default void sendToOtherDevices(Connection person, Connection device) {
        if (person != device) sendToConnection(person);
        for (Connection d : person.devices()) if (d != device) sendToConnection(d);
    }

    /** How many recipients it was queued for. */
    int deliveries();

    /** Its lines as c is sent them, appended to sb (the sender's echo goes with its replies). */
    void appendFor(Connection c, StringBuilder sb);

    @Override
    void close();
}

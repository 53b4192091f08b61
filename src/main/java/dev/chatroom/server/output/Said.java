package dev.chatroom.server.output;

import dev.chatroom.server.Connection;

/**
 * Something a user said, on its way to its recipients, each in the form it negotiated: a
 * {@link Broadcast} (one line) or a {@link MultilineBroadcast}. Close it once sent.
 */
public interface Said extends AutoCloseable {
    String msgid();

    long timeMillis();

    /** To c and each of its other devices. */
    void sendTo(Connection c);

    /** To the person's connections other than device (which gets its copy with its replies). */
    void sendToOtherDevices(Connection person, Connection device);

    /** To this one connection only. */
    void sendToConnection(Connection c);

    /** How many recipients it was queued for. */
    int deliveries();

    /** Its lines as c is sent them, appended to sb (the sender's echo goes with its replies). */
    void appendFor(Connection c, StringBuilder sb);

    @Override
    void close();
}

package dev.chatroom.server;

import dev.chatroom.server.flow.FloodGate;
import dev.chatroom.server.flow.TypingLimit;

/**
 * How often a connection may do what others notice: the admin's mute, nick changes, typing
 * notifications. A base class of {@link Connection}, as {@link DeviceGroup} is: every connection
 * has it, and an object of its own would cost each a header.
 */
abstract class Pacing extends DeviceGroup {
    private long mutedUntilMillis;
    private FloodGate nickChanges;
    private TypingLimit typing;

    public boolean mutedAt(long nowMillis) {
        return mutedUntilMillis > nowMillis;
    }

    void mutedUntil(long millis) {
        mutedUntilMillis = millis;
    }

    /** Nick changes after joining: two at once, then one every 30 seconds. */
    public FloodGate nickChanges(long nowNanos) {
        if (nickChanges == null) nickChanges = new FloodGate(2, 1.0 / 30, nowNanos);
        return nickChanges;
    }

    /** Which of its typing notifications are relayed (made when it first types). */
    public TypingLimit typing() {
        if (typing == null) typing = new TypingLimit();
        return typing;
    }
}

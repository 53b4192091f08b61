package dev.chatroom.server.history;

import java.util.List;

/** A room's settings as they are kept across restarts: its name, topic, modes and bans (members are not kept). */
public record SavedRoom(String name, long createdMillis, String topic, String topicSetBy, long topicSetAtMillis, String flags, String key,
                        int limit, List<Ban> bans) {
    public record Ban(String mask, String setBy, long setAtSeconds) {}
}

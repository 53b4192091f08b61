package dev.chatroom.store;

import java.util.List;

/** A room's settings as they are kept across restarts: its name, topic, modes and bans (members are not kept). */
public record SavedRoom(String name, long createdMillis, String topic, String topicSetBy, long topicSetAtMillis, String flags, String key,
                        int limit, List<RoomBan> bans) {}

package dev.chatroom.store;

/** A conversation with history and the time of its latest message (CHATHISTORY TARGETS). name is as last written. */
public record TargetTime(String name, String key, boolean room, long latestMillis) {}

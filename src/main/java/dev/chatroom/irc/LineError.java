package dev.chatroom.irc;

/** An inbound line that could not become a message, and what the client is told about it. */
public enum LineError {
    TOO_LONG,
    INVALID_UTF8,
    FORBIDDEN_CHARACTER
}

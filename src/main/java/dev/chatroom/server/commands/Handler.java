package dev.chatroom.server.commands;

/** Handles one command; everything the sender is told goes to {@link Context#replies()}. */
@FunctionalInterface
public interface Handler {
    void handle(Context ctx);
}

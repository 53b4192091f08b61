package dev.chatroom.server.commands;

import dev.chatroom.irc.Message;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Hub;

/** Handles one command from one connection; replies go through the hub to the connection's outbox. */
@FunctionalInterface
public interface Handler {
    void handle(Hub hub, Connection c, Message m);
}

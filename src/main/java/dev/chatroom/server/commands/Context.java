package dev.chatroom.server.commands;

import dev.chatroom.irc.Message;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Hub;
import dev.chatroom.server.output.Replies;

/** One command being handled: who sent it, what it says, and where the replies go. */
public record Context(Hub hub, Connection client, Message message, Replies replies) {
    /**
     * The connection the line came on: {@link #client()} itself, or another device of that person
     * (then the command acts as the person, and is answered on this device).
     */
    public Connection device() {
        return replies.to();
    }

    /** The i-th parameter, or null. */
    public String param(int i) {
        return message.param(i);
    }

    public int paramCount() {
        return message.params().size();
    }

    public Context numeric(String numeric, String... params) {
        replies.numeric(numeric, params);
        return this;
    }

    public long now() {
        return hub.clock().millis();
    }
}

package dev.chatroom.server.commands;

import static dev.chatroom.irc.Numeric.*;

import dev.chatroom.irc.Message;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Connection.State;
import dev.chatroom.server.Hub;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves a verb through the command table, applies the generic checks once (registration,
 * approval, parameter count), runs the handler, then checks the registration gate.
 */
public final class Dispatcher {
    private final Map<String, Command> table = new HashMap<>();

    public Dispatcher() {
        for (List<Command> family : List.of(
                RegistrationCommands.all(), MessageCommands.all(), RoomCommands.all(), QueryCommands.all())) {
            for (Command c : family) table.put(c.name(), c);
        }
    }

    public void dispatch(Hub hub, Connection c, Message m) {
        if (c.state() == State.CLOSED) return;
        Command cmd = table.get(m.command());
        if (cmd == null) {
            hub.reply(c, ERR_UNKNOWNCOMMAND, m.command(), "Unknown command");
            return;
        }
        if (c.state() == State.REGISTERING && !cmd.beforeRegistration()) {
            hub.reply(c, ERR_NOTREGISTERED, "You have not registered");
            return;
        }
        if (c.state() == State.PENDING && !cmd.whilePending()) {
            hub.reply(c, ERR_NOTREGISTERED, "Waiting for the admin to accept you");
            return;
        }
        if (m.params().size() < cmd.minParams()) {
            hub.reply(c, ERR_NEEDMOREPARAMS, m.command(), "Not enough parameters");
            return;
        }
        cmd.handler().handle(hub, c, m);
        if (c.state() == State.REGISTERING) hub.tryRegister(c);
    }
}

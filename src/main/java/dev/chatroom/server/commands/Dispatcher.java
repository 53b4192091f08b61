package dev.chatroom.server.commands;

import static dev.chatroom.irc.Numeric.*;

import dev.chatroom.irc.Message;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Connection.State;
import dev.chatroom.server.Hub;
import dev.chatroom.server.output.Replies;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves a verb through the command table, applies the generic checks once (registration,
 * approval, parameter count), runs the handler, flushes its replies, then checks the
 * registration gate. A new command is a row in one of the families' tables.
 */
public final class Dispatcher {
    private final Hub hub;
    private final Map<String, Command> table = new HashMap<>();

    public Dispatcher(Hub hub) {
        this.hub = hub;
        for (List<Command> family : List.of(
                RegistrationCommands.all(), MessageCommands.all(), RoomCommands.all(), QueryCommands.all())) {
            for (Command c : family) table.put(c.name(), c);
        }
    }

    public void dispatch(Connection c, Message m) {
        if (c.isClosed()) return;
        Replies r = hub.output().replies(c);
        Command cmd = table.get(m.command());
        if (cmd == null) {
            r.numeric(ERR_UNKNOWNCOMMAND, m.command(), "Unknown command");
        } else if (c.state() == State.REGISTERING && !cmd.beforeRegistration()) {
            r.numeric(ERR_NOTREGISTERED, "You have not registered");
        } else if (c.state() == State.PENDING && !cmd.whilePending()) {
            r.numeric(ERR_NOTREGISTERED, "Waiting for the admin to accept you");
        } else if (m.params().size() < cmd.minParams()) {
            r.numeric(ERR_NEEDMOREPARAMS, m.command(), "Not enough parameters");
        } else {
            cmd.handler().handle(new Context(hub, c, m, r));
        }
        r.flush();
        if (c.state() == State.REGISTERING) hub.tryRegister(c);
    }
}

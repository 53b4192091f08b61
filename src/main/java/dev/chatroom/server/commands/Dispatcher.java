package dev.chatroom.server.commands;

import static dev.chatroom.irc.Numeric.*;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Message;
import dev.chatroom.log.Event;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Connection.State;
import dev.chatroom.server.Hub;
import dev.chatroom.server.UserMode;
import dev.chatroom.server.output.Replies;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves a verb through the command table, applies the generic checks once (registration,
 * approval, operators only, parameter count), relays it when its scope reaches the whole
 * cluster, runs the handler, flushes its replies, then checks the
 * registration gate. A new command is a row in one of the families' tables.
 */
public final class Dispatcher {
    private final Hub hub;
    private static final long LOG_EVERY_NANOS = 60_000_000_000L;

    private final Map<String, Command> table = new HashMap<>();
    private final Map<String, Long> lastLogged = new HashMap<>();

    public Dispatcher(Hub hub) {
        this.hub = hub;
        for (List<Command> family : List.of(
                RegistrationCommands.all(),
                MessageCommands.all(),
                MultilineCommands.all(),
                RedactCommand.all(),
                RoomCommands.all(),
                ModeCommands.all(),
                ListCommand.all(),
                QueryCommands.all(),
                UserCommands.all(),
                MonitorCommands.all(),
                ServerInfoCommands.all(),
                AccountCommands.all(),
                HistoryCommands.all(),
                ReadMarkerCommands.all(),
                OperCommands.all(),
                OperatorConsoleCommands.all())) {
            for (Command c : family) table.put(c.name(), c);
        }
    }

    /** Adds (or replaces) a row of the table. */
    public void register(Command c) {
        table.put(c.name(), c);
    }

    /**
     * A handler threw: that is a bug. The command is answered with a failure, the error counted
     * (/stats) and logged once per kind a minute, and the connection carries on.
     */
    private void internalError(Connection c, Message m, RuntimeException e, Replies r) {
        String kind = m.command() + ": " + e.getClass().getSimpleName();
        long count = hub.stats().internalError(kind);
        long now = hub.clock().nanos();
        Long last = lastLogged.get(kind);
        if (last == null || now - last > LOG_EVERY_NANOS) {
            lastLogged.put(kind, now);
            StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            hub.events()
                    .event(Event.error(
                                    "internal_error",
                                    "Internal error (" + count + " so far) handling " + kind + " from " + c + ": "
                                            + e.getMessage() + (where == null ? "" : " at " + where))
                            .nick(c.nick())
                            .address(c.host())
                            .with("command", m.command())
                            .with("error", e.toString())
                            .with("at", where)
                            .with("count", count));
        }
        r.fail(m.command(), "INTERNAL_ERROR", "The server could not handle that command");
        if (!c.has(Capability.STANDARD_REPLIES))
            r.notice("The server could not handle your " + m.command() + " command.");
    }

    public void dispatch(Connection c, Message m) {
        if (c.isClosed() || c.state() == State.REFUSED) return;
        Replies r = hub.output().replies(c);
        String label = m.tags().get("label");
        if (label != null && !label.isEmpty() && c.has(Capability.LABELED_RESPONSE)) r.label(label);
        Command cmd = table.get(m.command());
        if (c.passwordNeeded() && (cmd == null || !cmd.beforePassword())) {
            r.numeric(ERR_PASSWDMISMATCH, "Password required");
        } else if (cmd == null) {
            r.numeric(ERR_UNKNOWNCOMMAND, m.command(), "Unknown command");
        } else if (c.state() == State.REGISTERING && !cmd.beforeRegistration()) {
            r.numeric(ERR_NOTREGISTERED, "You have not registered");
        } else if (c.state() == State.PENDING && !cmd.whilePending()) {
            r.numeric(ERR_NOTREGISTERED, "Waiting for the admin to accept you");
        } else if (cmd.operatorsOnly() && !c.person().has(UserMode.OPERATOR)) {
            r.numeric(ERR_NOPRIVILEGES, "Permission denied: you are not an IRC operator");
        } else if (m.tags().containsKey("batch") && !c.isRemote()) {
            MultilineCommands.line(
                    new Context(hub, c.person(), m, r)); // a line of a client's batch: kept until it closes
        } else if (m.params().size() < cmd.minParams()) {
            r.numeric(ERR_NEEDMOREPARAMS, m.command(), "Not enough parameters");
        } else if (relayed(cmd, c, m)) {
            return; // runs when the cluster hands it back, in its order; its replies come then
        } else {
            try {
                cmd.handler().handle(new Context(hub, c.person(), m, r));
            } catch (RuntimeException e) {
                internalError(c, m, e, r);
            }
        }
        r.finish();
        if (c.state() == State.REGISTERING) hub.tryRegister(c);
    }

    /** Published for every node of the cluster to run, when its row's scope says so and there is a cluster. */
    private boolean relayed(Command cmd, Connection c, Message m) {
        Message published = cmd.scope().relayed(hub, m);
        return published != null && hub.replication().relay(c, published);
    }
}

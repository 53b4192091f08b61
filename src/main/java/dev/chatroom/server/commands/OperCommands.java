package dev.chatroom.server.commands;

import static dev.chatroom.irc.Numeric.*;

import dev.chatroom.irc.Message;
import dev.chatroom.irc.Names;
import dev.chatroom.irc.Utf8;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Departure;
import dev.chatroom.server.DisconnectReason;
import dev.chatroom.server.UserMode;
import dev.chatroom.server.output.Broadcast;
import java.util.List;

/**
 * OPER, and what IRC operators do the way IRC servers do it: KILL and WALLOPS (the console's
 * commands reach them through {@link OperatorConsoleCommands}).
 */
final class OperCommands {
    private OperCommands() {}

    static List<Command> all() {
        return List.of(
                Command.registered(
                        "OPER", 2, ctx -> ctx.hub().operLogin().oper(ctx.client(), ctx.param(0), ctx.param(1))),
                Command.registered("KILL", 1, OperCommands::kill).forOperators().clusterWide(),
                Command.registered("WALLOPS", 1, OperCommands::wallops)
                        .forOperators()
                        .clusterWide());
    }

    // KILL <nick> [<reason>]: the victim quits with "Killed (killer (reason))", as other servers say it
    static void kill(Context ctx) {
        Connection victim = ctx.hub().users().findRegistered(ctx.param(0));
        if (victim == null) {
            ctx.numeric(ERR_NOSUCHNICK, ctx.param(0), "No such nick/channel");
            return;
        }
        String killer = ctx.client().nick();
        String reason = ctx.paramCount() > 1 && !ctx.param(1).isBlank()
                ? Utf8.truncate(ctx.param(1).strip(), Names.KICK_MAX)
                : null;
        ctx.hub()
                .departures()
                .close(
                        victim,
                        new Departure(DisconnectReason.KILLED, reason == null ? killer : killer + " (" + reason + ")"));
    }

    // WALLOPS <text>: to every user with +w, and to every operator
    static void wallops(Context ctx) {
        if (ctx.param(0).isBlank()) {
            ctx.numeric(ERR_NEEDMOREPARAMS, "WALLOPS", "Not enough parameters");
            return;
        }
        Connection sender = ctx.client();
        try (Broadcast b =
                ctx.hub().output().from(Message.trailing(sender.prefix(), "WALLOPS", ctx.param(0)), sender)) {
            for (Connection c : ctx.hub().users().all()) {
                Connection p = c.person();
                if (!c.isRegistered() || !(p.has(UserMode.WALLOPS) || p.has(UserMode.OPERATOR))) continue;
                if (c == ctx.device()) ctx.replies().add(b); // with the rest of what the command caused, in order
                else b.sendToConnection(c); // each device is in the list itself
            }
        }
    }
}

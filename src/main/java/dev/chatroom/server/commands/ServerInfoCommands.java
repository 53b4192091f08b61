package dev.chatroom.server.commands;

import static dev.chatroom.irc.Numeric.*;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.server.Whowas;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** TIME, VERSION, INFO, ADMIN and WHOWAS: about the server itself and who was on it. */
final class ServerInfoCommands {
    private static final DateTimeFormatter HUMAN = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private ServerInfoCommands() {}

    static List<Command> all() {
        return List.of(
                Command.registered("TIME", 0, ServerInfoCommands::time),
                Command.registered("VERSION", 0, ServerInfoCommands::version),
                Command.registered("INFO", 0, ServerInfoCommands::info),
                Command.registered("ADMIN", 0, ServerInfoCommands::admin),
                Command.registered("WHOWAS", 1, ServerInfoCommands::whowas));
    }

    /** False (with 402) when the command names a server other than this one: there is only this one. */
    private static boolean thisServer(Context ctx, int param) {
        String target = ctx.param(param);
        if (target == null
                || target.isEmpty()
                || Casemapping.equals(target, ctx.hub().serverName())) return true;
        ctx.numeric(ERR_NOSUCHSERVER, target, "No such server");
        return false;
    }

    // TIME [<server>]
    static void time(Context ctx) {
        if (!thisServer(ctx, 0)) return;
        String human = HUMAN.format(Instant.ofEpochMilli(ctx.now()));
        ctx.numeric(RPL_TIME, ctx.hub().serverName(), Long.toString(ctx.now() / 1000), "0", human);
    }

    // VERSION [<server>]
    static void version(Context ctx) {
        if (!thisServer(ctx, 0)) return;
        ctx.numeric(RPL_VERSION, ctx.hub().welcome().version(), ctx.hub().serverName(), "a chat room that speaks IRC");
        ctx.hub().welcome().sendIsupport(ctx.replies());
    }

    // INFO [<server>]
    static void info(Context ctx) {
        if (!thisServer(ctx, 0)) return;
        for (String line : List.of(
                ctx.hub().welcome().version() + ": a terminal chat room over TCP that speaks IRC.",
                "Join with `chatroom join`, any IRC client, or ssh.",
                "Running since " + ctx.hub().welcome().createdAt() + ".")) {
            ctx.numeric(RPL_INFO, line);
        }
        ctx.numeric(RPL_ENDOFINFO, "End of INFO list");
    }

    // ADMIN [<server>]
    static void admin(Context ctx) {
        if (!thisServer(ctx, 0)) return;
        ctx.numeric(RPL_ADMINME, ctx.hub().serverName(), "Administrative info");
        ctx.numeric(RPL_ADMINLOC1, "The admin runs this server and answers at its console.");
        ctx.numeric(RPL_ADMINLOC2, "Ask in #chatroom.");
        ctx.numeric(RPL_ADMINEMAIL, "No e-mail address is configured.");
    }

    // WHOWAS <nick> [<count>]
    static void whowas(Context ctx) {
        String nick = ctx.param(0);
        if (nick.isEmpty()) {
            ctx.numeric(ERR_NONICKNAMEGIVEN, "No nickname given");
            return;
        }
        int max = 0;
        try {
            if (ctx.param(1) != null) max = Integer.parseInt(ctx.param(1));
        } catch (NumberFormatException ignored) {
            // not a number: all of them, as other servers do
        }
        List<Whowas.Entry> found = ctx.hub().users().whowas().find(nick, max);
        if (found.isEmpty()) ctx.numeric(ERR_WASNOSUCHNICK, nick, "There was no such nickname");
        for (Whowas.Entry e : found) {
            ctx.numeric(RPL_WHOWASUSER, e.nick(), e.ident(), e.host(), "*", e.realname() == null ? "" : e.realname());
            ctx.numeric(
                    RPL_WHOISSERVER,
                    e.nick(),
                    ctx.hub().serverName(),
                    HUMAN.format(Instant.ofEpochMilli(e.leftAtMillis())));
        }
        ctx.numeric(RPL_ENDOFWHOWAS, nick, "End of WHOWAS");
    }
}

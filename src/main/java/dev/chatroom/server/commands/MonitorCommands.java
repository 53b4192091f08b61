package dev.chatroom.server.commands;

import static dev.chatroom.irc.Numeric.*;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Names;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Monitors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * MONITOR (IRCv3): a connection's watch list of nicks, told 730 when one comes online and 731
 * when it goes. Local: each node keeps its own connections' lists, and learns of every user's
 * arrival and departure anyway.
 */
final class MonitorCommands {
    private MonitorCommands() {}

    static List<Command> all() {
        return List.of(Command.registered("MONITOR", 1, MonitorCommands::monitor));
    }

    // MONITOR + <nick>{,<nick>} | MONITOR - <nick>{,<nick>} | MONITOR C | MONITOR L | MONITOR S
    static void monitor(Context ctx) {
        String sub = ctx.param(0);
        switch (sub.toUpperCase(Locale.ROOT)) {
            case "+" -> {
                if (targetsGiven(ctx)) add(ctx, targets(ctx));
            }
            case "-" -> {
                if (targetsGiven(ctx))
                    for (String t : targets(ctx)) ctx.hub().monitors().remove(ctx.device(), t);
            }
            case "C" -> ctx.hub().monitors().clear(ctx.device());
            case "L" -> {
                Monitors.inLines(
                        ctx.replies(), RPL_MONLIST, ctx.hub().monitors().list(ctx.device()));
                ctx.numeric(RPL_ENDOFMONLIST, "End of MONITOR list");
            }
            case "S" -> status(ctx, ctx.hub().monitors().list(ctx.device()));
            default -> {
                String text = "Unknown MONITOR subcommand " + sub + " (+, -, C, L or S)";
                ctx.replies().fail("MONITOR", "INVALID_PARAMS", text);
                if (!ctx.device().has(Capability.STANDARD_REPLIES))
                    ctx.replies().notice(text + ".");
            }
        }
    }

    private static boolean targetsGiven(Context ctx) {
        if (ctx.paramCount() >= 2 && !ctx.param(1).isEmpty()) return true;
        ctx.numeric(ERR_NEEDMOREPARAMS, "MONITOR", "Not enough parameters");
        return false;
    }

    /** The nicks given; anything that cannot be a nick (a mask, a room) is left out, as the spec asks. */
    private static List<String> targets(Context ctx) {
        return Arrays.stream(ctx.param(1).split(",")).filter(Names::isValidNick).toList();
    }

    /** Adds until the list is full (734 names the rest), then says which of those added are online. */
    private static void add(Context ctx, List<String> nicks) {
        Connection c = ctx.device();
        List<String> added = new ArrayList<>();
        for (int i = 0; i < nicks.size(); i++) {
            if (!ctx.hub().monitors().add(c, nicks.get(i))) {
                ctx.numeric(
                        ERR_MONLISTFULL,
                        String.valueOf(Monitors.LIMIT),
                        String.join(",", nicks.subList(i, nicks.size())),
                        "Monitor list is full.");
                break;
            }
            added.add(nicks.get(i));
        }
        status(ctx, added);
    }

    /** 730 for the nicks online (as nick!user@host, with the host others see), 731 for the others. */
    private static void status(Context ctx, List<String> nicks) {
        List<String> online = new ArrayList<>();
        List<String> offline = new ArrayList<>();
        for (String nick : nicks) {
            Connection u = ctx.hub().users().findRegistered(nick);
            if (u != null) online.add(u.prefix());
            else offline.add(nick);
        }
        Monitors.inLines(ctx.replies(), RPL_MONONLINE, online);
        Monitors.inLines(ctx.replies(), RPL_MONOFFLINE, offline);
    }
}

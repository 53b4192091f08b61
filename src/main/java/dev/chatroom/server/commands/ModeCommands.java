package dev.chatroom.server.commands;

import static dev.chatroom.irc.Numeric.*;

import dev.chatroom.irc.Message;
import dev.chatroom.irc.Names;
import dev.chatroom.log.Event;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Room;
import dev.chatroom.server.RoomModeChange;
import dev.chatroom.server.UserMode;
import java.util.ArrayList;
import java.util.List;

/**
 * MODE: a room's modes and members' status (see {@link RoomModeChange}; IRC operators may change
 * any room's, as the admin may), and the user modes ({@link UserMode}).
 */
final class ModeCommands {
    private ModeCommands() {}

    static List<Command> all() {
        return List.of(Command.registered("MODE", 1, ModeCommands::mode).clusterWide());
    }

    // MODE <target> [<modestring> [<mode arguments>...]]
    static void mode(Context ctx) {
        if (Names.isChannel(ctx.param(0))) roomMode(ctx);
        else userMode(ctx);
    }

    private static void roomMode(Context ctx) {
        Connection c = ctx.client();
        Room r = ctx.hub().rooms().find(ctx.param(0));
        boolean operator = c.has(UserMode.OPERATOR);
        if (r == null || !(r.visibleTo(c) || operator)) {
            ctx.numeric(ERR_NOSUCHCHANNEL, ctx.param(0), "No such channel");
            return;
        }
        if (ctx.paramCount() == 1 || ctx.param(1).isEmpty()) {
            List<String> shown = new ArrayList<>();
            shown.add(r.name());
            shown.addAll(r.modes().describe(r.contains(c) || operator));
            ctx.replies().numericWords(RPL_CHANNELMODEIS, shown.toArray(new String[0]));
            ctx.replies().numericWords(RPL_CREATIONTIME, r.name(), Long.toString(r.createdAtMillis() / 1000));
            return;
        }
        List<String> params = ctx.message().params();
        RoomModeChange.Complaints toClient = new RoomModeChange.Complaints() {
            @Override
            public void numeric(String numeric, String... p) {
                ctx.numeric(numeric, p);
            }

            @Override
            public void words(String numeric, String... p) {
                ctx.replies().numericWords(numeric, p);
            }
        };
        RoomModeChange change = new RoomModeChange(r, c, ctx.hub().users()::findRegistered, toClient, ctx.now());
        List<String> applied = change.apply(ctx.param(1), params.subList(2, params.size()));
        if (!applied.isEmpty()) r.announceModes(c.prefix(), applied, ctx.replies());
    }

    private static void userMode(Context ctx) {
        Connection c = ctx.client();
        Connection who = ctx.hub().users().findRegistered(ctx.param(0));
        if (who == null) {
            ctx.numeric(ERR_NOSUCHNICK, ctx.param(0), "No such nick/channel");
        } else if (who != c) {
            ctx.numeric(ERR_USERSDONTMATCH, "Can't change mode for other users");
        } else if (ctx.paramCount() == 1 || ctx.param(1).isEmpty()) {
            ctx.replies().numericWords(RPL_UMODEIS, UserMode.describe(c));
        } else {
            setUserModes(ctx, ctx.param(1));
        }
    }

    /** +i, +w and +B either way; +o only away (OPER gives it; a +o here is ignored, as RFC 2812 has it). */
    private static void setUserModes(Context ctx, String modes) {
        Connection c = ctx.client();
        boolean adding = true;
        char sign = 0;
        StringBuilder changed = new StringBuilder();
        boolean unknown = false;
        for (char ch : modes.toCharArray()) {
            if (ch == '+' || ch == '-') {
                adding = ch == '+';
                continue;
            }
            UserMode m = UserMode.of(ch);
            if (m == null) {
                unknown = true;
            } else if (m.mayChange(adding) && c.mode(m, adding)) {
                if (sign != (adding ? '+' : '-')) changed.append(sign = adding ? '+' : '-');
                changed.append(ch);
                if (m == UserMode.OPERATOR && !c.isRemote())
                    ctx.hub()
                            .events()
                            .event(Event.info("deopered", c.nick() + " is no longer an IRC operator.")
                                    .nick(c.nick()));
            }
        }
        if (unknown) ctx.numeric(ERR_UMODEUNKNOWNFLAG, "Unknown MODE flag");
        if (changed.length() > 0) ctx.replies().add(Message.trailing(c.nick(), "MODE", c.nick(), changed.toString()));
    }
}

package dev.chatroom.server.commands;

import static dev.chatroom.irc.Numeric.*;

import dev.chatroom.irc.Message;
import dev.chatroom.irc.Names;
import dev.chatroom.irc.Utf8;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Room;
import java.util.ArrayList;
import java.util.List;

/** JOIN, PART, NAMES, TOPIC and MODE: rooms are IRC channels. */
final class RoomCommands {
    private RoomCommands() {}

    static List<Command> all() {
        return List.of(
                Command.registered("JOIN", 1, RoomCommands::join),
                Command.registered("PART", 1, RoomCommands::part),
                Command.registered("NAMES", 0, RoomCommands::names),
                Command.registered("TOPIC", 1, RoomCommands::topic),
                Command.registered("MODE", 1, RoomCommands::mode));
    }

    // JOIN <channel>{,<channel>} [<key>{,<key>}]   |   JOIN 0
    static void join(Context ctx) {
        Connection c = ctx.client();
        if (ctx.param(0).equals("0")) {
            for (Room r : new ArrayList<>(c.rooms())) r.part(c, null, ctx.replies());
            return;
        }
        for (String name : ctx.param(0).split(",")) {
            if (name.isEmpty()) continue;
            if (!Names.isChannel(name)) ctx.numeric(ERR_NOSUCHCHANNEL, name, "No such channel");
            else if (!Names.isValidChannel(name)) ctx.numeric(ERR_BADCHANMASK, name, "Bad Channel Mask");
            else if (c.roomCount() >= Names.ROOMS_PER_CLIENT && !inRoom(ctx, name)) ctx.numeric(ERR_TOOMANYCHANNELS, name, "You have joined too many channels");
            else ctx.hub().rooms().join(c, name, ctx.replies());
        }
    }

    private static boolean inRoom(Context ctx, String name) {
        Room r = ctx.hub().rooms().find(name);
        return r != null && r.contains(ctx.client());
    }

    // PART <channel>{,<channel>} [:<reason>]
    static void part(Context ctx) {
        for (String name : ctx.param(0).split(",")) {
            if (name.isEmpty()) continue;
            Room r = ctx.hub().rooms().find(name);
            if (r == null) ctx.numeric(ERR_NOSUCHCHANNEL, name, "No such channel");
            else if (!r.contains(ctx.client())) ctx.numeric(ERR_NOTONCHANNEL, r.name(), "You're not on that channel");
            else r.part(ctx.client(), ctx.param(1), ctx.replies());
        }
    }

    // NAMES [<channel>{,<channel>}]
    static void names(Context ctx) {
        if (ctx.paramCount() == 0 || ctx.param(0).isEmpty()) {
            ctx.numeric(RPL_ENDOFNAMES, "*", "End of /NAMES list.");
            return;
        }
        for (String name : ctx.param(0).split(",")) {
            if (name.isEmpty()) continue;
            Room r = ctx.hub().rooms().find(name);
            if (r != null) r.sendNames(ctx.replies());
            else ctx.numeric(RPL_ENDOFNAMES, name, "End of /NAMES list.");
        }
    }

    // TOPIC <channel> [:<topic>]
    static void topic(Context ctx) {
        Connection c = ctx.client();
        Room r = ctx.hub().rooms().find(ctx.param(0));
        if (r == null) {
            ctx.numeric(ERR_NOSUCHCHANNEL, ctx.param(0), "No such channel");
        } else if (ctx.paramCount() == 1) {
            if (r.topic() == null) ctx.numeric(RPL_NOTOPIC, r.name(), "No topic is set");
            else r.sendTopic(ctx.replies());
        } else if (!r.contains(c)) {
            ctx.numeric(ERR_NOTONCHANNEL, r.name(), "You're not on that channel");
        } else if (!r.isOperator(c)) {
            ctx.numeric(ERR_CHANOPRIVSNEEDED, r.name(), "You're not channel operator");
        } else {
            r.topic(Utf8.truncate(ctx.param(1), Names.TOPIC_MAX), c.prefix(), ctx.now(), ctx.replies());
        }
    }

    // MODE <target> [<modestring>]: queries are answered; the only user mode is +i, channels have none to set.
    static void mode(Context ctx) {
        Connection c = ctx.client();
        String target = ctx.param(0);
        String modes = ctx.param(1);
        String server = ctx.hub().serverName();
        if (Names.isChannel(target)) {
            Room r = ctx.hub().rooms().find(target);
            if (r == null) {
                ctx.numeric(ERR_NOSUCHCHANNEL, target, "No such channel");
            } else if (modes == null) {
                ctx.replies().numericWords(RPL_CHANNELMODEIS, r.name(), "+");
                ctx.replies().numericWords(RPL_CREATIONTIME, r.name(), Long.toString(r.createdAtMillis() / 1000));
            } else if (modes.equals("b") || modes.equals("+b")) {
                ctx.numeric(RPL_ENDOFBANLIST, r.name(), "End of channel ban list");
            } else if (!r.isOperator(c)) {
                ctx.numeric(ERR_CHANOPRIVSNEEDED, r.name(), "You're not channel operator");
            } else {
                ctx.numeric(ERR_UNKNOWNMODE, String.valueOf(firstModeLetter(modes)), "is unknown mode char to me");
            }
            return;
        }
        Connection who = ctx.hub().users().findRegistered(target);
        if (who == null) {
            ctx.numeric(ERR_NOSUCHNICK, target, "No such nick/channel");
        } else if (who != c) {
            ctx.numeric(ERR_USERSDONTMATCH, "Can't change mode for other users");
        } else if (modes == null) {
            ctx.replies().numericWords(RPL_UMODEIS, c.invisible() ? "+i" : "+");
        } else {
            setUserModes(ctx, modes, server);
        }
    }

    private static void setUserModes(Context ctx, String modes, String server) {
        Connection c = ctx.client();
        boolean adding = true;
        StringBuilder changed = new StringBuilder();
        for (char ch : modes.toCharArray()) {
            if (ch == '+' || ch == '-') {
                adding = ch == '+';
            } else if (ch == 'i') {
                if (c.invisible() != adding) {
                    c.invisible(adding);
                    changed.append(adding ? "+i" : "-i");
                }
            } else {
                ctx.numeric(ERR_UMODEUNKNOWNFLAG, "Unknown MODE flag");
                return;
            }
        }
        if (changed.length() > 0) ctx.replies().add(Message.trailing(c.nick(), "MODE", c.nick(), changed.toString()));
    }

    private static char firstModeLetter(String modes) {
        for (char ch : modes.toCharArray()) if (ch != '+' && ch != '-') return ch;
        return '+';
    }
}

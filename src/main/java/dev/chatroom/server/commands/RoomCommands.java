package dev.chatroom.server.commands;

import static dev.chatroom.irc.Numeric.*;

import dev.chatroom.irc.Message;
import dev.chatroom.irc.Names;
import dev.chatroom.irc.Utf8;
import dev.chatroom.server.ChannelMode;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Room;
import dev.chatroom.server.output.Broadcast;
import java.util.ArrayList;
import java.util.List;

/** JOIN, PART, NAMES, TOPIC, KICK and INVITE: rooms are IRC channels. */
final class RoomCommands {
    private RoomCommands() {}

    static List<Command> all() {
        return List.of(
                Command.registered("JOIN", 1, RoomCommands::join).clusterWide(),
                Command.registered("PART", 1, RoomCommands::part).clusterWide(),
                Command.registered("NAMES", 0, RoomCommands::names),
                Command.registered("TOPIC", 1, RoomCommands::topic).clusterWide(),
                Command.registered("KICK", 2, RoomCommands::kick).clusterWide(),
                Command.registered("INVITE", 0, RoomCommands::invite).clusterWide());
    }

    // JOIN <channel>{,<channel>} [<key>{,<key>}]   |   JOIN 0
    static void join(Context ctx) {
        Connection c = ctx.client();
        if (ctx.param(0).equals("0")) {
            for (Room r : new ArrayList<>(c.rooms())) r.part(c, null, ctx.replies());
            return;
        }
        String[] keys = ctx.param(1) == null ? new String[0] : ctx.param(1).split(",", -1);
        String[] names = ctx.param(0).split(",", -1);
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            if (name.isEmpty()) continue;
            String key = i < keys.length ? keys[i] : null;
            Room existing = ctx.hub().rooms().find(name);
            String[] refused = existing == null || existing.contains(c) ? null : existing.refusal(c, key);
            if (!Names.isChannel(name)) ctx.numeric(ERR_NOSUCHCHANNEL, name, "No such channel");
            else if (!Names.isValidChannel(name)) ctx.numeric(ERR_BADCHANMASK, name, "Bad Channel Mask");
            else if (existing != null && existing.contains(c)) continue;
            else if (c.roomCount() >= Names.ROOMS_PER_CLIENT)
                ctx.numeric(ERR_TOOMANYCHANNELS, name, "You have joined too many channels");
            else if (refused != null) ctx.numeric(refused[0], existing.name(), refused[1]);
            else ctx.hub().rooms().join(c, name, ctx.replies());
        }
    }

    // PART <channel>{,<channel>} [:<reason>]
    static void part(Context ctx) {
        for (String name : ctx.param(0).split(",")) {
            if (name.isEmpty()) continue;
            Room r = ctx.hub().rooms().find(name);
            if (r == null) ctx.numeric(ERR_NOSUCHCHANNEL, name, "No such channel");
            else if (!r.contains(ctx.client())) ctx.numeric(ERR_NOTONCHANNEL, r.name(), "You're not on that channel");
            else
                r.part(
                        ctx.client(),
                        ctx.param(1) == null ? null : Utf8.truncate(ctx.param(1), Names.KICK_MAX),
                        ctx.replies());
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
        } else if (!r.visibleTo(c)) {
            ctx.numeric(ERR_NOTONCHANNEL, r.name(), "You're not on that channel");
        } else if (ctx.paramCount() == 1) {
            if (r.topic() == null) ctx.numeric(RPL_NOTOPIC, r.name(), "No topic is set");
            else r.sendTopic(ctx.replies());
        } else if (!r.contains(c)) {
            ctx.numeric(ERR_NOTONCHANNEL, r.name(), "You're not on that channel");
        } else if (r.modes().has(ChannelMode.TOPIC_LOCK) && !r.isOperator(c)) {
            ctx.numeric(ERR_CHANOPRIVSNEEDED, r.name(), "You're not channel operator");
        } else {
            r.topic(Utf8.truncate(ctx.param(1), Names.TOPIC_MAX), c.prefix(), ctx.now(), ctx.replies());
        }
    }

    // KICK <channel>{,<channel>} <user>{,<user>} [:<comment>]: one room and several users, or pairs
    static void kick(Context ctx) {
        Connection c = ctx.client();
        String[] rooms = ctx.param(0).split(",");
        String[] nicks = ctx.param(1).split(",");
        if (rooms.length != 1 && rooms.length != nicks.length) {
            ctx.numeric(ERR_NEEDMOREPARAMS, "KICK", "Not enough parameters (one channel, or one per user)");
            return;
        }
        String given = ctx.param(2);
        String reason = given == null || given.isEmpty() ? c.nick() : Utf8.truncate(given, Names.KICK_MAX);
        for (int i = 0; i < nicks.length; i++) {
            String roomName = rooms.length == 1 ? rooms[0] : rooms[i];
            Room r = ctx.hub().rooms().find(roomName);
            if (nicks[i].isEmpty()) continue;
            if (r == null) {
                ctx.numeric(ERR_NOSUCHCHANNEL, roomName, "No such channel");
                continue;
            }
            Connection target = ctx.hub().users().findRegistered(nicks[i]);
            if (!r.contains(c)) ctx.numeric(ERR_NOTONCHANNEL, r.name(), "You're not on that channel");
            else if (!r.isOperator(c)) ctx.numeric(ERR_CHANOPRIVSNEEDED, r.name(), "You're not channel operator");
            else if (target == null) ctx.numeric(ERR_NOSUCHNICK, nicks[i], "No such nick/channel");
            else if (!r.contains(target))
                ctx.numeric(ERR_USERNOTINCHANNEL, target.nick(), r.name(), "They aren't on that channel");
            else r.kick(target, c.prefix(), reason, ctx.replies());
        }
    }

    // INVITE <nick> <channel>   |   INVITE (the rooms you are invited to)
    static void invite(Context ctx) {
        Connection c = ctx.client();
        if (ctx.paramCount() == 0) {
            for (Room r : c.invitations().open()) ctx.replies().numericWords(RPL_INVITELIST, r.name());
            ctx.numeric(RPL_ENDOFINVITELIST, "End of /INVITE list");
            return;
        }
        if (ctx.paramCount() < 2) {
            ctx.numeric(ERR_NEEDMOREPARAMS, "INVITE", "Not enough parameters");
            return;
        }
        Connection target = ctx.hub().users().findRegistered(ctx.param(0));
        Room r = ctx.hub().rooms().find(ctx.param(1));
        if (target == null) ctx.numeric(ERR_NOSUCHNICK, ctx.param(0), "No such nick/channel");
        else if (r == null) ctx.numeric(ERR_NOSUCHCHANNEL, ctx.param(1), "No such channel");
        else if (!r.contains(c)) ctx.numeric(ERR_NOTONCHANNEL, r.name(), "You're not on that channel");
        else if (r.modes().has(ChannelMode.INVITE_ONLY) && !r.isOperator(c))
            ctx.numeric(ERR_CHANOPRIVSNEEDED, r.name(), "You're not channel operator");
        else if (r.contains(target)) ctx.numeric(ERR_USERONCHANNEL, target.nick(), r.name(), "is already on channel");
        else {
            target.invite(r);
            ctx.replies().numericWords(RPL_INVITING, target.nick(), r.name());
            try (Broadcast b = ctx.hub().output().from(Message.of(c.prefix(), "INVITE", target.nick(), r.name()), c)) {
                b.sendTo(target); // each of its devices
            }
            if (target.away() != null) ctx.numeric(RPL_AWAY, target.nick(), target.away());
        }
    }
}

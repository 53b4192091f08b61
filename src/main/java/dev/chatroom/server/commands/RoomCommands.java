package dev.chatroom.server.commands;

import static dev.chatroom.irc.Numeric.*;

import dev.chatroom.irc.Message;
import dev.chatroom.irc.Names;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Hub;
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
    static void join(Hub hub, Connection c, Message m) {
        if (m.param(0).equals("0")) {
            for (Room r : new ArrayList<>(c.rooms())) hub.part(c, r, null);
            return;
        }
        for (String name : m.param(0).split(",")) {
            if (name.isEmpty()) continue;
            if (!Names.isChannel(name)) {
                hub.reply(c, ERR_NOSUCHCHANNEL, name, "No such channel");
            } else if (!Names.isValidChannel(name)) {
                hub.reply(c, ERR_BADCHANMASK, name, "Bad Channel Mask");
            } else {
                hub.join(c, name);
            }
        }
    }

    // PART <channel>{,<channel>} [:<reason>]
    static void part(Hub hub, Connection c, Message m) {
        for (String name : m.param(0).split(",")) {
            if (name.isEmpty()) continue;
            Room r = hub.rooms().find(name);
            if (r == null) {
                hub.reply(c, ERR_NOSUCHCHANNEL, name, "No such channel");
            } else if (!r.contains(c)) {
                hub.reply(c, ERR_NOTONCHANNEL, r.name(), "You're not on that channel");
            } else {
                hub.part(c, r, m.param(1));
            }
        }
    }

    // NAMES [<channel>{,<channel>}]
    static void names(Hub hub, Connection c, Message m) {
        if (m.params().isEmpty() || m.param(0).isEmpty()) {
            hub.reply(c, RPL_ENDOFNAMES, "*", "End of /NAMES list.");
            return;
        }
        for (String name : m.param(0).split(",")) {
            Room r = hub.rooms().find(name);
            if (r != null) hub.sendNames(c, r);
            else hub.reply(c, RPL_ENDOFNAMES, name, "End of /NAMES list.");
        }
    }

    // TOPIC <channel> [:<topic>]
    static void topic(Hub hub, Connection c, Message m) {
        Room r = hub.rooms().find(m.param(0));
        if (r == null) {
            hub.reply(c, ERR_NOSUCHCHANNEL, m.param(0), "No such channel");
            return;
        }
        if (m.params().size() == 1) {
            if (r.topic() == null) hub.reply(c, RPL_NOTOPIC, r.name(), "No topic is set");
            else hub.sendTopic(c, r);
            return;
        }
        if (!r.contains(c)) {
            hub.reply(c, ERR_NOTONCHANNEL, r.name(), "You're not on that channel");
        } else if (!r.isOperator(c)) {
            hub.reply(c, ERR_CHANOPRIVSNEEDED, r.name(), "You're not channel operator");
        } else {
            String text = m.param(1);
            if (text.length() > Names.TOPIC_MAX) text = text.substring(0, Names.TOPIC_MAX);
            hub.setTopic(r, text, c.prefix());
        }
    }

    // MODE <target> [<modestring>]: queries are answered; the only user mode is +i, channels have none to set.
    static void mode(Hub hub, Connection c, Message m) {
        String target = m.param(0);
        String modes = m.param(1);
        if (Names.isChannel(target)) {
            Room r = hub.rooms().find(target);
            if (r == null) {
                hub.reply(c, ERR_NOSUCHCHANNEL, target, "No such channel");
            } else if (modes == null) {
                c.send(Message.of(hub.serverName(), RPL_CHANNELMODEIS, c.nick(), r.name(), "+"));
                c.send(Message.of(hub.serverName(), RPL_CREATIONTIME, c.nick(), r.name(), Long.toString(r.createdAtMillis() / 1000)));
            } else if (modes.equals("b") || modes.equals("+b")) {
                hub.reply(c, RPL_ENDOFBANLIST, r.name(), "End of channel ban list");
            } else if (!r.isOperator(c)) {
                hub.reply(c, ERR_CHANOPRIVSNEEDED, r.name(), "You're not channel operator");
            } else {
                char unknown = firstModeLetter(modes);
                hub.reply(c, ERR_UNKNOWNMODE, String.valueOf(unknown), "is unknown mode char to me");
            }
            return;
        }
        Connection who = hub.nicks().find(target);
        if (who == null || !who.isRegistered()) {
            hub.reply(c, ERR_NOSUCHNICK, target, "No such nick/channel");
        } else if (who != c) {
            hub.reply(c, ERR_USERSDONTMATCH, "Can't change mode for other users");
        } else if (modes == null) {
            c.send(Message.of(hub.serverName(), RPL_UMODEIS, c.nick(), c.invisible() ? "+i" : "+"));
        } else {
            setUserModes(hub, c, modes);
        }
    }

    private static void setUserModes(Hub hub, Connection c, String modes) {
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
                hub.reply(c, ERR_UMODEUNKNOWNFLAG, "Unknown MODE flag");
                return;
            }
        }
        if (changed.length() > 0) c.send(Message.trailing(c.nick(), "MODE", c.nick(), changed.toString()));
    }

    private static char firstModeLetter(String modes) {
        for (char ch : modes.toCharArray()) if (ch != '+' && ch != '-') return ch;
        return '+';
    }
}

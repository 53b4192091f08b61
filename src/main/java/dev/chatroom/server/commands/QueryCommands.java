package dev.chatroom.server.commands;

import static dev.chatroom.irc.Numeric.*;

import dev.chatroom.irc.Message;
import dev.chatroom.irc.Names;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Connection.State;
import dev.chatroom.server.Hub;
import dev.chatroom.server.Room;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** WHO, WHOIS, MOTD, LUSERS, AWAY, ISON, USERHOST: questions about the server and its users. */
final class QueryCommands {
    private QueryCommands() {}

    static List<Command> all() {
        return List.of(
                Command.registered("WHO", 0, QueryCommands::who),
                Command.registered("WHOIS", 1, QueryCommands::whois),
                Command.registered("MOTD", 0, (hub, c, m) -> hub.sendMotd(c)),
                Command.registered("LUSERS", 0, QueryCommands::lusers),
                Command.registered("AWAY", 0, QueryCommands::away),
                Command.registered("ISON", 1, QueryCommands::ison),
                Command.registered("USERHOST", 1, QueryCommands::userhost));
    }

    // WHO [<channel>|<nick>] [%<fields>[,<token>]]   (WHOX when the second parameter starts with %)
    static void who(Hub hub, Connection c, Message m) {
        String mask = m.params().isEmpty() ? "*" : m.param(0);
        String whox = m.params().size() >= 2 && m.param(1).startsWith("%") ? m.param(1).substring(1) : null;
        if (Names.isChannel(mask)) {
            Room r = hub.rooms().find(mask);
            if (r != null) {
                for (Connection member : r.members()) whoReply(hub, c, r.name(), member, r.isOperator(member), whox);
            }
        } else {
            Connection who = hub.nicks().find(mask);
            if (who != null && who.isRegistered()) whoReply(hub, c, "*", who, false, whox);
        }
        hub.reply(c, RPL_ENDOFWHO, mask, "End of WHO list");
    }

    private static void whoReply(Hub hub, Connection c, String channel, Connection who, boolean op, String whox) {
        String flags = (who.away() == null ? "H" : "G") + (op ? "@" : "");
        if (whox == null) {
            hub.reply(c, RPL_WHOREPLY, channel, "~" + who.user(), who.host(), hub.serverName(), who.nick(), flags, "0 " + who.realname());
            return;
        }
        // WHOX: the requested fields, always in this order (ircv3 whox spec): t c u i h s n f d l a o r
        int comma = whox.indexOf(',');
        String fields = comma < 0 ? whox : whox.substring(0, comma);
        String token = comma < 0 ? "" : whox.substring(comma + 1);
        List<String> out = new ArrayList<>();
        out.add(c.nick());
        for (char f : "tcuihsnfdlaor".toCharArray()) {
            if (fields.indexOf(f) < 0) continue;
            switch (f) {
                case 't' -> out.add(token.isEmpty() ? "0" : token);
                case 'c' -> out.add(channel);
                case 'u' -> out.add("~" + who.user());
                case 'i' -> out.add(who.host());
                case 'h' -> out.add(who.host());
                case 's' -> out.add(hub.serverName());
                case 'n' -> out.add(who.nick());
                case 'f' -> out.add(flags);
                case 'd' -> out.add("0");
                case 'l' -> out.add(Long.toString(Math.max(0, (hub.now() - who.lastSpokeMillis()) / 1000)));
                case 'a' -> out.add("0");
                case 'o' -> out.add("n/a");
                case 'r' -> out.add(who.realname());
                default -> { }
            }
        }
        boolean realnameLast = fields.indexOf('r') >= 0;
        c.send(Message.create(java.util.Map.of(), hub.serverName(), RPL_WHOSPCRPL, out, realnameLast));
    }

    // WHOIS [<server>] <nick>
    static void whois(Hub hub, Connection c, Message m) {
        String nick = m.params().size() >= 2 ? m.param(1) : m.param(0);
        Connection who = hub.nicks().find(nick);
        if (who == null || !who.isRegistered()) {
            hub.reply(c, ERR_NOSUCHNICK, nick, "No such nick/channel");
            hub.reply(c, RPL_ENDOFWHOIS, nick, "End of /WHOIS list");
            return;
        }
        hub.reply(c, RPL_WHOISUSER, who.nick(), "~" + who.user(), who.host(), "*", who.realname());
        if (!who.rooms().isEmpty()) {
            StringJoiner rooms = new StringJoiner(" ");
            for (Room r : who.rooms()) rooms.add((r.isOperator(who) ? "@" : "") + r.name());
            hub.reply(c, RPL_WHOISCHANNELS, who.nick(), rooms.toString());
        }
        hub.reply(c, RPL_WHOISSERVER, who.nick(), hub.serverName(), "chatroom server");
        if (who.away() != null) hub.reply(c, RPL_AWAY, who.nick(), who.away());
        long idle = Math.max(0, (hub.now() - who.lastSpokeMillis()) / 1000);
        hub.reply(c, RPL_WHOISIDLE, who.nick(), Long.toString(idle), Long.toString(who.connectedAtMillis() / 1000), "seconds idle, signon time");
        hub.reply(c, RPL_ENDOFWHOIS, who.nick(), "End of /WHOIS list");
    }

    // LUSERS
    static void lusers(Hub hub, Connection c, Message m) {
        int users = 0;
        int invisible = 0;
        int unknown = 0;
        for (Connection x : hub.connections()) {
            if (x.state() == State.REGISTERED) {
                users++;
                if (x.invisible()) invisible++;
            } else {
                unknown++;
            }
        }
        hub.reply(c, RPL_LUSERCLIENT, "There are " + (users - invisible) + " users and " + invisible + " invisible on 1 servers");
        if (unknown > 0) hub.reply(c, RPL_LUSERUNKNOWN, Integer.toString(unknown), "unknown connection(s)");
        hub.reply(c, RPL_LUSERCHANNELS, Integer.toString(hub.rooms().count()), "channels formed");
        hub.reply(c, RPL_LUSERME, "I have " + users + " clients and 0 servers");
    }

    // AWAY [:<text>]
    static void away(Hub hub, Connection c, Message m) {
        String text = m.param(0);
        if (text == null || text.isEmpty()) {
            c.away(null);
            hub.reply(c, RPL_UNAWAY, "You are no longer marked as being away");
        } else {
            c.away(text.length() > Names.AWAY_MAX ? text.substring(0, Names.AWAY_MAX) : text);
            hub.reply(c, RPL_NOWAWAY, "You have been marked as being away");
        }
    }

    // ISON <nick>{ <nick>}
    static void ison(Hub hub, Connection c, Message m) {
        StringJoiner online = new StringJoiner(" ");
        for (String param : m.params()) {
            for (String nick : param.split(" ")) {
                Connection who = nick.isEmpty() ? null : hub.nicks().find(nick);
                if (who != null && who.isRegistered()) online.add(who.nick());
            }
        }
        hub.reply(c, RPL_ISON, online.toString());
    }

    // USERHOST <nick>{ <nick>}  (at most five)
    static void userhost(Hub hub, Connection c, Message m) {
        StringJoiner out = new StringJoiner(" ");
        for (String nick : m.params().subList(0, Math.min(5, m.params().size()))) {
            Connection who = hub.nicks().find(nick);
            if (who != null && who.isRegistered()) {
                out.add(who.nick() + "=" + (who.away() == null ? "+" : "-") + "~" + who.user() + "@" + who.host());
            }
        }
        hub.reply(c, RPL_USERHOST, out.toString());
    }
}

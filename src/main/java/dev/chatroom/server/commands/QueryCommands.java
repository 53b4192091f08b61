package dev.chatroom.server.commands;

import static dev.chatroom.irc.Numeric.*;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Glob;
import dev.chatroom.irc.Names;
import dev.chatroom.irc.Utf8;
import dev.chatroom.server.Cloaks;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Hub;
import dev.chatroom.server.Room;
import dev.chatroom.server.UserMode;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** WHO, WHOIS, MOTD, LUSERS, ISON, USERHOST: questions about the server and its users. */
final class QueryCommands {
    /** Bytes of list items per reply line (WHOIS rooms): with any prefix the line stays within 512. */
    static final int LIST_LINE = 400;

    private QueryCommands() {}

    static List<Command> all() {
        return List.of(
                Command.registered("WHO", 0, QueryCommands::who),
                Command.registered("WHOIS", 1, QueryCommands::whois),
                Command.registered("MOTD", 0, ctx -> ctx.hub().welcome().sendMotd(ctx.replies())),
                Command.registered("LUSERS", 0, QueryCommands::lusers),
                Command.registered("ISON", 1, QueryCommands::ison),
                Command.registered("USERHOST", 1, QueryCommands::userhost));
    }

    // WHO [<channel>|<mask>] [%<fields>[,<token>]]   (WHOX when the second parameter starts with %)
    static void who(Context ctx) {
        Connection viewer = ctx.client();
        String mask = ctx.paramCount() == 0 || ctx.param(0).isEmpty() ? "*" : ctx.param(0);
        String whox = ctx.paramCount() >= 2 && ctx.param(1).startsWith("%")
                ? ctx.param(1).substring(1)
                : null;
        boolean multi = viewer.has(Capability.MULTI_PREFIX);
        if (Names.isChannel(mask)) {
            Room r = ctx.hub().rooms().find(mask);
            if (r != null && r.visibleTo(viewer)) {
                boolean inside = r.contains(viewer);
                for (Connection member : r.members()) {
                    if (inside || !member.invisible()) whoReply(ctx, r.name(), member, r.prefixOf(member, multi), whox);
                }
            }
        } else if (mask.indexOf('*') < 0 && mask.indexOf('?') < 0) {
            Connection who = ctx.hub().users().findRegistered(mask);
            if (who != null) whoReply(ctx, "*", who, "", whox);
        } else {
            String folded = Casemapping.fold(mask.equals("0") ? "*" : mask);
            for (Connection who : ctx.hub().users().all()) {
                if (!who.isRegistered() || who.isDevice() || !visible(ctx, viewer, who) || !matches(ctx, folded, who))
                    continue;
                whoReply(ctx, "*", who, "", whox);
            }
        }
        ctx.numeric(RPL_ENDOFWHO, mask, "End of WHO list");
    }

    /** An invisible (+i) user is seen by a mask only by themselves and those who share a room with them. */
    private static boolean visible(Context ctx, Connection viewer, Connection who) {
        if (who == viewer || !who.invisible()) return true;
        for (Room r : who.rooms()) if (r.contains(viewer)) return true;
        return false;
    }

    /**
     * A WHO mask matches the nick, the user, the host others see, the server's name or the
     * realname; the address only where the viewer may see it, or a mask would find out who is
     * at an address.
     */
    private static boolean matches(Context ctx, String foldedMask, Connection who) {
        String address = addressSeen(ctx.client(), who) ? who.host() : null;
        for (String field : new String[] {
            who.nick(),
            who.user(),
            who.ident(),
            who.shownHost(),
            address,
            ctx.hub().serverName(),
            who.realname()
        }) {
            if (field != null && Glob.matches(foldedMask, Casemapping.fold(field))) return true;
        }
        return false;
    }

    /**
     * The user themself and IRC operators see the address (as the admin does); others only where
     * it is the host anyway ({@code cloak-hosts = false}).
     */
    private static boolean addressSeen(Connection viewer, Connection who) {
        return viewer == who || who.showsAddress() || viewer.has(UserMode.OPERATOR);
    }

    private static void whoReply(Context ctx, String channel, Connection who, String status, String whox) {
        Hub hub = ctx.hub();
        String flags = (who.away() == null ? "H" : "G")
                + (who.has(UserMode.OPERATOR) ? "*" : "")
                + status
                + (who.has(UserMode.BOT) ? String.valueOf(UserMode.BOT.letter()) : "");
        if (whox == null) {
            ctx.numeric(
                    RPL_WHOREPLY,
                    channel,
                    who.ident(),
                    who.shownHost(),
                    hub.serverName(),
                    who.nick(),
                    flags,
                    "0 " + who.realname());
            return;
        }
        // WHOX: the requested fields, always in this order (ircv3 whox spec): t c u i h s n f d l a o r
        int comma = whox.indexOf(',');
        String fields = comma < 0 ? whox : whox.substring(0, comma);
        String token = comma < 0 ? "" : whox.substring(comma + 1);
        List<String> out = new ArrayList<>();
        for (char f : "tcuihsnfdlaor".toCharArray()) {
            if (fields.indexOf(f) < 0) continue;
            switch (f) {
                case 't' -> out.add(token.isEmpty() ? "0" : token);
                case 'c' -> out.add(channel);
                case 'u' -> out.add(who.ident());
                case 'i' ->
                    out.add(addressSeen(ctx.client(), who) ? who.address().hostname() : Cloaks.HIDDEN_ADDRESS);
                case 'h' -> out.add(who.shownHost());
                case 's' -> out.add(hub.serverName());
                case 'n' -> out.add(who.nick());
                case 'f' -> out.add(flags);
                case 'd' -> out.add("0");
                case 'l' -> out.add(Long.toString(Math.max(0, (ctx.now() - who.lastSpokeMillis()) / 1000)));
                case 'a' -> out.add(who.account() == null ? "0" : who.account());
                case 'o' -> out.add("n/a");
                case 'r' -> out.add(who.realname());
                default -> {}
            }
        }
        String[] params = out.toArray(new String[0]);
        if (fields.indexOf('r') >= 0) ctx.replies().numeric(RPL_WHOSPCRPL, params);
        else ctx.replies().numericWords(RPL_WHOSPCRPL, params);
    }

    // WHOIS [<server>] <nick>
    static void whois(Context ctx) {
        String nick = ctx.paramCount() >= 2 ? ctx.param(1) : ctx.param(0);
        Connection who = ctx.hub().users().findRegistered(nick);
        if (who == null) {
            ctx.numeric(ERR_NOSUCHNICK, nick, "No such nick/channel");
            ctx.numeric(RPL_ENDOFWHOIS, nick, "End of /WHOIS list");
            return;
        }
        ctx.numeric(RPL_WHOISUSER, who.nick(), who.ident(), who.shownHost(), "*", who.realname());
        StringBuilder rooms = new StringBuilder();
        boolean multi = ctx.client().has(Capability.MULTI_PREFIX);
        for (Room r : who.rooms()) {
            if (!r.visibleTo(ctx.client())) continue;
            String entry = r.prefixOf(who, multi) + r.name();
            if (rooms.length() > 0 && Utf8.length(rooms) + 1 + Utf8.length(entry) > LIST_LINE) {
                ctx.numeric(RPL_WHOISCHANNELS, who.nick(), rooms.toString());
                rooms.setLength(0);
            }
            if (rooms.length() > 0) rooms.append(' ');
            rooms.append(entry);
        }
        if (rooms.length() > 0) ctx.numeric(RPL_WHOISCHANNELS, who.nick(), rooms.toString());
        String id = who.clusterId();
        ctx.numeric(
                RPL_WHOISSERVER,
                who.nick(),
                ctx.hub().serverName(),
                id == null || id.indexOf(':') < 0
                        ? "chatroom server"
                        : "chatroom server, node " + id.substring(0, id.indexOf(':')));
        if (who.has(UserMode.OPERATOR)) ctx.numeric(RPL_WHOISOPERATOR, who.nick(), "is an IRC operator");
        if (who.has(UserMode.BOT)) ctx.numeric(RPL_WHOISBOT, who.nick(), "is a bot");
        if (who == ctx.client() || ctx.client().has(UserMode.OPERATOR))
            ctx.numeric(RPL_WHOISHOST, who.nick(), "is connecting from *@" + who.host() + " " + who.host());
        if (who.away() != null) ctx.numeric(RPL_AWAY, who.nick(), who.away());
        if (who.secure()) ctx.numeric(RPL_WHOISSECURE, who.nick(), "is using a secure connection");
        if (who.account() != null) ctx.numeric(RPL_WHOISACCOUNT, who.nick(), who.account(), "is logged in as");
        long idle = Math.max(0, (ctx.now() - who.lastSpokeMillis()) / 1000);
        ctx.numeric(
                RPL_WHOISIDLE,
                who.nick(),
                Long.toString(idle),
                Long.toString(who.connectedAtMillis() / 1000),
                "seconds idle, signon time");
        ctx.numeric(RPL_ENDOFWHOIS, who.nick(), "End of /WHOIS list");
    }

    // LUSERS
    static void lusers(Context ctx) {
        int users = 0;
        int invisible = 0;
        for (Connection x : ctx.hub().users().all()) {
            if (!x.isRegistered() || x.isDevice()) continue;
            users++;
            if (x.invisible()) invisible++;
        }
        var all = ctx.hub().users();
        int local = all.localRegistered();
        int unknown = all.localCount() - local;
        int servers = ctx.hub().replication().servers();
        ctx.numeric(
                RPL_LUSERCLIENT,
                "There are " + (users - invisible) + " users and " + invisible + " invisible on " + servers
                        + " servers");
        if (unknown > 0) ctx.numeric(RPL_LUSERUNKNOWN, Integer.toString(unknown), "unknown connection(s)");
        ctx.numeric(RPL_LUSERCHANNELS, Integer.toString(ctx.hub().rooms().count()), "channels formed");
        ctx.numeric(RPL_LUSERME, "I have " + local + " clients and " + (servers - 1) + " servers");
        String most = Integer.toString(all.mostRegistered());
        String mostHere = Integer.toString(all.mostLocal());
        ctx.numeric(
                RPL_LOCALUSERS,
                Integer.toString(local),
                mostHere,
                "Current local users " + local + ", max " + mostHere);
        ctx.numeric(RPL_GLOBALUSERS, Integer.toString(users), most, "Current global users " + users + ", max " + most);
    }

    // ISON <nick>{ <nick>}
    static void ison(Context ctx) {
        StringJoiner online = new StringJoiner(" ");
        for (String param : ctx.message().params()) {
            for (String nick : param.split(" ")) {
                Connection who = nick.isEmpty() ? null : ctx.hub().users().findRegistered(nick);
                if (who != null) online.add(who.nick());
            }
        }
        ctx.numeric(RPL_ISON, online.toString());
    }

    // USERHOST <nick>{ <nick>}  (at most five)
    static void userhost(Context ctx) {
        StringJoiner out = new StringJoiner(" ");
        List<String> nicks = ctx.message().params();
        for (String nick : nicks.subList(0, Math.min(5, nicks.size()))) {
            Connection who = ctx.hub().users().findRegistered(nick);
            if (who != null)
                out.add(who.nick() + "=" + (who.away() == null ? "+" : "-") + who.ident() + "@" + who.shownHost());
        }
        ctx.numeric(RPL_USERHOST, out.toString());
    }
}

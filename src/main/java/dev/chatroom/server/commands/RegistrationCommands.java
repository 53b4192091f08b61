package dev.chatroom.server.commands;

import static dev.chatroom.irc.Numeric.*;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Message;
import dev.chatroom.irc.Names;
import dev.chatroom.irc.Utf8;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Connection.State;
import dev.chatroom.server.Departure;
import dev.chatroom.server.DisconnectReason;
import dev.chatroom.server.Gate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/** CAP, PASS, NICK, USER, PING, PONG, QUIT: what a connection may say before it is registered. */
final class RegistrationCommands {
    private RegistrationCommands() {}

    static List<Command> all() {
        return List.of(
                Command.anytime("CAP", 1, RegistrationCommands::cap),
                Command.registration("PASS", 1, RegistrationCommands::pass).beforeServerPassword(),
                new Command("NICK", 0, true, false, Command.Scope.CLUSTER, RegistrationCommands::nick),
                Command.registration("USER", 4, RegistrationCommands::user),
                Command.anytime("PING", 1, RegistrationCommands::ping),
                Command.anytime("PONG", 0, ctx -> {}),
                Command.anytime("QUIT", 0, RegistrationCommands::quit));
    }

    // CAP LS [302] | CAP LIST | CAP REQ :<caps> | CAP END
    static void cap(Context ctx) {
        Connection c = ctx.device(); // each device negotiates for itself
        String server = ctx.hub().serverName();
        switch (ctx.param(0).toUpperCase(Locale.ROOT)) {
            case "LS" -> {
                if (c.state() == State.REGISTERING) c.capNegotiating(true);
                boolean values = capVersion(ctx.param(1)) >= 302;
                StringJoiner offered = new StringJoiner(" ");
                for (Capability cap : Capability.values()) {
                    if (!offered(ctx, cap)) continue;
                    offered.add(values && cap.value() != null ? cap.wireName() + "=" + cap.value() : cap.wireName());
                }
                String sts = ctx.hub().gate().stsValue(c);
                if (sts != null && values) offered.add("sts=" + sts); // sts means nothing without its value
                ctx.replies().add(Message.trailing(server, "CAP", c.nickOrStar(), "LS", offered.toString()));
            }
            case "LIST" -> {
                StringJoiner enabled = new StringJoiner(" ");
                for (Capability cap : c.caps()) enabled.add(cap.wireName());
                ctx.replies().add(Message.trailing(server, "CAP", c.nickOrStar(), "LIST", enabled.toString()));
            }
            case "REQ" -> {
                if (c.state() == State.REGISTERING) c.capNegotiating(true);
                String requested = ctx.param(1) == null ? "" : ctx.param(1).strip();
                Set<Capability> add = EnumSet.noneOf(Capability.class);
                Set<Capability> remove = EnumSet.noneOf(Capability.class);
                boolean ok = !requested.isEmpty();
                for (String name : requested.split(" +")) {
                    if (name.isEmpty()) continue;
                    boolean minus = name.startsWith("-");
                    var cap = Capability.byName(minus ? name.substring(1) : name);
                    if (cap.isEmpty() || !offered(ctx, cap.get())) {
                        ok = false;
                        break;
                    }
                    (minus ? remove : add).add(cap.get());
                }
                if (ok) {
                    for (Capability cap : add) c.enable(cap, true);
                    for (Capability cap : remove) c.enable(cap, false);
                }
                // The whole request is granted or refused as one (IRCv3 capability negotiation).
                ctx.replies().add(Message.trailing(server, "CAP", c.nickOrStar(), ok ? "ACK" : "NAK", requested));
            }
            case "END" -> {
                c.capNegotiating(false);
                ctx.hub().logins().capEnded(c, ctx.replies());
            }
            default -> ctx.numeric(ERR_INVALIDCAPCMD, ctx.param(0), "Invalid CAP command");
        }
    }

    /** History's capabilities (read markers point into it) only while history is kept (--history-days above 0). */
    private static boolean offered(Context ctx, Capability cap) {
        return ctx.hub().history().enabled()
                || (cap != Capability.CHATHISTORY
                        && cap != Capability.SEARCH
                        && cap != Capability.READ_MARKER
                        && cap != Capability.MESSAGE_REDACTION);
    }

    private static int capVersion(String v) {
        try {
            return v == null ? 0 : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // PASS <password>
    static void pass(Context ctx) {
        Connection c = ctx.client();
        if (c.state() != State.REGISTERING) {
            ctx.numeric(ERR_ALREADYREGISTERED, "You may not reregister");
            return;
        }
        ctx.hub().gate().password(c, ctx.param(0));
    }

    // NICK <nickname>
    static void nick(Context ctx) {
        Connection c = ctx.client();
        String wanted = ctx.param(0);
        if (wanted == null || wanted.isEmpty()) {
            ctx.numeric(ERR_NONICKNAMEGIVEN, "No nickname given");
            return;
        }
        if (!Names.isValidNick(wanted)) {
            ctx.numeric(ERR_ERRONEUSNICKNAME, wanted, "Erroneous nickname");
            return;
        }
        if (Names.isAdmin(wanted)) {
            ctx.numeric(ERR_ERRONEUSNICKNAME, wanted, "That nickname is the server's admin console");
            return;
        }
        if (wanted.equals(c.nick())) return;
        if (c.isRegistered()) {
            long now = ctx.hub().clock().nanos();
            var changes = c.nickChanges(now);
            // a change of case takes no nick from anyone and frees none: not counted
            if (!Casemapping.equals(wanted, c.nick()) && !changes.tryTake(now)) {
                long wait = (changes.nanosUntilToken(now) + 999_999_999L) / 1_000_000_000L;
                ctx.numeric(ERR_NICKTOOFAST, wanted, "Nick change too fast. Please wait " + wait + " seconds.");
                return;
            }
            if (ctx.hub().bans().find(wanted, c) != null) {
                ctx.numeric(ERR_ERRONEUSNICKNAME, wanted, "That nickname is banned");
                return;
            }
            if (ctx.hub().logins().reserved(c, wanted)) {
                ctx.numeric(ERR_NICKNAMEINUSE, wanted, Gate.RESERVED_TEXT);
                return;
            }
        }
        if (!ctx.hub().rename(c, wanted, ctx.replies()))
            ctx.numeric(ERR_NICKNAMEINUSE, wanted, "Nickname is already in use");
    }

    // USER <username> <mode> <unused> :<realname>
    static void user(Context ctx) {
        Connection c = ctx.client();
        if (c.state() != State.REGISTERING || c.user() != null) {
            ctx.numeric(ERR_ALREADYREGISTERED, "You may not reregister");
            return;
        }
        if (ctx.param(0).isEmpty() || ctx.param(3).isEmpty()) {
            ctx.numeric(ERR_NEEDMOREPARAMS, "USER", "Not enough parameters");
            return;
        }
        c.user(Names.cleanUser(ctx.param(0)), Utf8.truncate(ctx.param(3), Names.REALNAME_MAX));
    }

    // PING <token>
    static void ping(Context ctx) {
        String server = ctx.hub().serverName();
        ctx.replies().add(Message.trailing(server, "PONG", server, ctx.param(0)));
    }

    // QUIT [:<reason>]
    static void quit(Context ctx) {
        // another device of the person leaves alone: the person stays while a device (or always-on) does
        ctx.hub().departures().close(ctx.device(), new Departure(DisconnectReason.QUIT, ctx.param(0)), ctx.replies());
    }
}

package dev.chatroom.server.commands;

import static dev.chatroom.irc.Numeric.*;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Message;
import dev.chatroom.irc.Names;
import dev.chatroom.server.Connection;
import dev.chatroom.server.FloodGate;
import dev.chatroom.server.Connection.State;
import dev.chatroom.server.Hub;
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
                new Command("PASS", 1, true, false, RegistrationCommands::pass),
                new Command("NICK", 0, true, false, RegistrationCommands::nick),
                new Command("USER", 4, true, false, RegistrationCommands::user),
                Command.anytime("PING", 1, RegistrationCommands::ping),
                Command.anytime("PONG", 0, (hub, c, m) -> {}),
                Command.anytime("QUIT", 0, RegistrationCommands::quit));
    }

    // CAP LS [302] | CAP LIST | CAP REQ :<caps> | CAP END
    static void cap(Hub hub, Connection c, Message m) {
        String sub = m.param(0).toUpperCase(Locale.ROOT);
        String server = hub.serverName();
        switch (sub) {
            case "LS" -> {
                if (c.state() == State.REGISTERING) c.capNegotiating(true);
                StringJoiner offered = new StringJoiner(" ");
                for (Capability cap : Capability.values()) offered.add(cap.wireName());
                c.send(Message.trailing(server, "CAP", c.nickOrStar(), "LS", offered.toString()));
            }
            case "LIST" -> {
                StringJoiner enabled = new StringJoiner(" ");
                for (Capability cap : c.caps()) enabled.add(cap.wireName());
                c.send(Message.trailing(server, "CAP", c.nickOrStar(), "LIST", enabled.toString()));
            }
            case "REQ" -> {
                if (c.state() == State.REGISTERING) c.capNegotiating(true);
                String requested = m.param(1) == null ? "" : m.param(1).strip();
                Set<Capability> add = EnumSet.noneOf(Capability.class);
                Set<Capability> remove = EnumSet.noneOf(Capability.class);
                boolean ok = !requested.isEmpty();
                for (String name : requested.split(" +")) {
                    if (name.isEmpty()) continue;
                    boolean minus = name.startsWith("-");
                    var cap = Capability.byName(minus ? name.substring(1) : name);
                    if (cap.isEmpty()) {
                        ok = false;
                        break;
                    }
                    (minus ? remove : add).add(cap.get());
                }
                if (ok) {
                    c.caps().addAll(add);
                    c.caps().removeAll(remove);
                }
                // The whole request is granted or refused as one (IRCv3 capability negotiation).
                c.send(Message.trailing(server, "CAP", c.nickOrStar(), ok ? "ACK" : "NAK", requested));
            }
            case "END" -> c.capNegotiating(false);
            default -> hub.reply(c, ERR_INVALIDCAPCMD, m.param(0), "Invalid CAP command");
        }
    }

    // PASS <password>
    static void pass(Hub hub, Connection c, Message m) {
        if (c.state() != State.REGISTERING) {
            hub.reply(c, ERR_ALREADYREGISTERED, "You may not reregister");
            return;
        }
        c.passwordAccepted(hub.config().password() != null && hub.config().password().equals(m.param(0)));
    }

    // NICK <nickname>
    static void nick(Hub hub, Connection c, Message m) {
        String wanted = m.param(0);
        if (wanted == null || wanted.isEmpty()) {
            hub.reply(c, ERR_NONICKNAMEGIVEN, "No nickname given");
            return;
        }
        if (!Names.isValidNick(wanted)) {
            hub.reply(c, ERR_ERRONEUSNICKNAME, wanted, "Erroneous nickname");
            return;
        }
        if (wanted.equals(c.nick())) return;
        if (c.isRegistered()) {
            long now = System.nanoTime();
            FloodGate changes = c.nickChanges(now);
            if (!changes.tryTake(now)) {
                long wait = (changes.nanosUntilToken(now) + 999_999_999L) / 1_000_000_000L;
                hub.reply(c, ERR_NICKTOOFAST, wanted, "Nick change too fast. Please wait " + wait + " seconds.");
                return;
            }
        }
        if (hub.bans().find(wanted, "~" + c.user(), c.host()) != null && c.isRegistered()) {
            hub.reply(c, ERR_ERRONEUSNICKNAME, wanted, "That nickname is banned");
            return;
        }
        if (!hub.claimNick(c, wanted)) {
            hub.reply(c, ERR_NICKNAMEINUSE, wanted, "Nickname is already in use");
            return;
        }
        hub.renamed(c, wanted);
    }

    // USER <username> <mode> <unused> :<realname>
    static void user(Hub hub, Connection c, Message m) {
        if (c.state() != State.REGISTERING || c.user() != null) {
            hub.reply(c, ERR_ALREADYREGISTERED, "You may not reregister");
            return;
        }
        String realname = m.param(3);
        if (realname.length() > Names.REALNAME_MAX) realname = realname.substring(0, Names.REALNAME_MAX);
        c.user(Names.cleanUser(m.param(0)), realname);
    }

    // PING <token>
    static void ping(Hub hub, Connection c, Message m) {
        c.send(Message.trailing(hub.serverName(), "PONG", hub.serverName(), m.param(0)));
    }

    // QUIT [:<reason>]
    static void quit(Hub hub, Connection c, Message m) {
        String reason = m.param(0);
        if (reason == null || reason.isBlank()) reason = Hub.DEFAULT_QUIT_REASON;
        c.quitRequested(true);
        hub.close(c, reason);
    }

}

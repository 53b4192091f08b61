package dev.chatroom.server.console;

import dev.chatroom.ip.Address;
import dev.chatroom.irc.Message;
import dev.chatroom.irc.Names;
import dev.chatroom.irc.Utf8;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Hub;
import dev.chatroom.server.Room;
import dev.chatroom.server.RoomModeChange;
import dev.chatroom.server.RoomModes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The console's commands for one room: the admin acts as the server, above every channel
 * operator, in any room. Each returns the line to print.
 */
final class RoomAdmin {
    private RoomAdmin() {}

    /** The named room, or the default one when name is null. */
    static Room room(Hub hub, String name) {
        String n = name == null ? hub.config().defaultRoom() : name;
        return n == null ? null : hub.rooms().find(n);
    }

    private static String noRoom(Hub hub, String name) {
        return name == null ? "This server has no default room." : "No room " + name + ".";
    }

    /** /mode [#room] [modes [args]] */
    static String mode(ConsoleLine line, Hub hub) {
        String after = line.afterLeadingRoom();
        if (after == null) return mode(line, hub, line.leadingRoom(), null, List.of());
        List<String> words = List.of(after.split("\\s+"));
        return mode(line, hub, line.leadingRoom(), words.get(0), words.subList(1, words.size()));
    }

    /** Applies a MODE line as the server; returns what changed and what could not be done. */
    static String mode(ConsoleLine line, Hub hub, String roomName, String modes, List<String> args) {
        Room r = room(hub, roomName);
        if (r == null) return noRoom(hub, roomName);
        if (modes == null)
            return "Modes of " + r.name() + ": " + String.join(" ", r.modes().describe(true));
        List<String> problems = new ArrayList<>();
        RoomModeChange change = new RoomModeChange(
                r,
                null,
                hub.users()::findRegistered,
                (numeric, params) -> problems.add(text(params)),
                hub.clock().millis());
        List<String> applied = change.apply(modes, args);
        if (!applied.isEmpty()) r.announceModes(hub.serverName(), applied, null);
        String mode = r.name() + " " + String.join(" ", applied);
        String done = applied.isEmpty() ? "Nothing changed in " + r.name() + "." : "Mode " + mode + ".";
        String answer = problems.isEmpty() ? done : done + "\n" + String.join("\n", problems);
        return applied.isEmpty() ? answer : line.changed(answer, "set mode " + mode);
    }

    /** A numeric's parameters as a console line: "bob: No such nick/channel". */
    private static String text(String[] params) {
        if (params.length == 1) return params[0];
        return String.join(" ", Arrays.copyOf(params, params.length - 1)) + ": " + params[params.length - 1];
    }

    /** /op, /deop, /voice, /devoice <nick> [#room]: the mode letters that verb sets, "+o" for /op. */
    static ConsoleCommand.LoopHandler setting(String letters) {
        return (line, hub) -> mode(line, hub, line.room(), letters, List.of(line.arg()));
    }

    /** /invite <nick> <#room>: as an operator's INVITE, from the server: they may join once, past +i. */
    static String invite(ConsoleLine line, Hub hub) {
        if (line.room() == null) return line.usage();
        Room r = room(hub, line.room());
        if (r == null) return noRoom(hub, line.room());
        Connection c = hub.users().findRegistered(line.arg());
        if (c == null) return "No user " + line.arg() + ".";
        if (r.contains(c)) return c.nick() + " is already in " + r.name() + ".";
        c.invite(r);
        hub.output()
                .replies(c)
                .add(Message.of(hub.serverName(), "INVITE", c.nick(), r.name()))
                .flush();
        return line.changed("Invited " + c.nick() + " to " + r.name() + ".", "invited " + c.nick() + " to " + r.name());
    }

    static String kick(ConsoleLine line, Hub hub, String nick, String roomName, String reason) {
        Room r = room(hub, roomName);
        if (r == null) return noRoom(hub, roomName);
        Connection c = hub.users().findRegistered(nick);
        if (c == null || !r.contains(c)) return "No user " + nick + " in " + r.name() + ".";
        String why = reason == null ? hub.serverName() : Utf8.truncate(reason.strip(), Names.KICK_MAX);
        r.kick(c, hub.serverName(), why, null);
        String said = reason == null ? "" : " (" + reason.strip() + ")";
        return line.changed(
                "* " + c.nick() + " was removed from " + r.name() + " by the admin" + said + ".",
                "kicked " + c.nick() + " from " + r.name() + said);
    }

    /** A ban in one room: whoever matches is kicked from it and cannot come back in. */
    static String ban(ConsoleLine line, Hub hub, String mask, String roomName, String reason) {
        Room r = room(hub, roomName);
        if (r == null) return noRoom(hub, roomName);
        String normalized = cloaked(hub, RoomModes.normalizeMask(mask));
        if (normalized == null) return "Not a nick or nick!user@host mask: " + mask;
        String result = mode(line, hub, r.name(), "+b", List.of(normalized));
        List<String> gone = new ArrayList<>();
        String why = reason == null ? "Banned from " + r.name() : Utf8.truncate(reason.strip(), Names.KICK_MAX);
        for (Connection m : r.members()) {
            if (!r.modes().banned(m)) continue;
            gone.add(m.nick());
            r.kick(m, hub.serverName(), why, null);
        }
        return result + (gone.isEmpty() ? "" : " Removed from " + r.name() + ": " + String.join(", ", gone) + ".");
    }

    /**
     * A room ban matches the hosts members see, so an address the admin names (who sees
     * addresses) is banned as its cloak; the room's operators see the cloak, never the address.
     */
    private static String cloaked(Hub hub, String mask) {
        if (mask == null) return null;
        int at = mask.lastIndexOf('@');
        Address a = Address.parse(mask.substring(at + 1));
        return a == null ? mask : mask.substring(0, at + 1) + hub.cloaks().host(a, null);
    }

    static String unban(ConsoleLine line, Hub hub, String mask, String roomName) {
        Room r = room(hub, roomName);
        if (r == null) return noRoom(hub, roomName);
        String normalized = cloaked(hub, RoomModes.normalizeMask(mask));
        if (normalized == null
                || r.modes().bans().stream().noneMatch(b -> b.mask().equalsIgnoreCase(normalized))) {
            return "No ban on " + mask + " in " + r.name() + ".";
        }
        return mode(line, hub, r.name(), "-b", List.of(normalized));
    }

    /** Mutes in one room only (0: unmutes); the room is told. */
    static String mute(ConsoleLine line, Hub hub, String nick, String roomName, long untilMillis, String howLong) {
        Room r = room(hub, roomName);
        if (r == null) return noRoom(hub, roomName);
        Connection c = hub.users().findRegistered(nick);
        if (c == null || !r.contains(c)) return "No user " + nick + " in " + r.name() + ".";
        r.mute(c, untilMillis);
        String what = untilMillis <= 0
                ? c.nick() + " is no longer muted in " + r.name() + "."
                : c.nick() + " has been muted in " + r.name() + " by the admin" + howLong + ".";
        hub.moderation().announceIn(r, what);
        return line.changed(what, (untilMillis <= 0 ? "unmuted " : "muted ") + c.nick() + " in " + r.name());
    }

    /** /topic [#room] [text] */
    static String topic(ConsoleLine line, Hub hub) {
        String text = line.afterLeadingRoom();
        return topic(line, hub, line.leadingRoom(), text == null ? "" : text);
    }

    private static String topic(ConsoleLine line, Hub hub, String roomName, String text) {
        Room r = room(hub, roomName);
        if (r == null) return noRoom(hub, roomName);
        if (text.isEmpty())
            return r.topic() == null
                    ? "No topic is set in " + r.name() + ". Usage: /topic [#room] <text>"
                    : "Topic of " + r.name() + ": " + r.topic();
        hub.moderation().topic(r, text);
        return line.changed("Topic of " + r.name() + " set.", "set the topic of " + r.name() + ": " + text);
    }
}

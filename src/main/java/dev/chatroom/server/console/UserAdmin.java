package dev.chatroom.server.console;

import dev.chatroom.server.BanList;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Hub;
import dev.chatroom.store.ServerBan;
import java.util.List;

/**
 * The console's commands on people: /kick, /ban, /unban, /mute, /unmute for the whole chat
 * (or, given a #room after the nick, for that room: {@link RoomAdmin}), and /say to everyone.
 * Each runs on the event loop and answers with its effect.
 */
final class UserAdmin {
    private UserAdmin() {}

    /** /kick <nick> [#room] [reason] */
    static String kick(ConsoleLine line, Hub hub) {
        String nick = line.arg();
        String reason = line.afterRoom();
        if (line.room() != null) return RoomAdmin.kick(line, hub, nick, line.room(), reason);
        Connection c = hub.users().findRegistered(nick);
        if (c == null) return "No user " + nick + ".";
        String who = c.nick();
        hub.moderation().kick(c, reason);
        String why = reason == null ? "" : " (" + reason.strip() + ")";
        return line.changed("* " + who + " was removed by the admin" + why + ".", "kicked " + who + why);
    }

    /** /ban <nick|ip|mask|key:SHA256:...> [#room] [reason] */
    static String ban(ConsoleLine line, Hub hub) {
        String reason = line.afterRoom();
        if (line.room() != null) return RoomAdmin.ban(line, hub, line.arg(), line.room(), reason);
        String mask = BanList.normalize(line.arg());
        if (!ServerBan.validMask(mask)) return "Not a nick, address or nick!user@host mask: " + line.arg();
        List<String> gone = hub.moderation().ban(mask, reason);
        String why = reason == null ? "" : " (" + reason.strip() + ")";
        return line.changed(
                "Banned " + mask + why + "."
                        + (gone.isEmpty() ? "" : " Disconnected: " + String.join(", ", gone) + "."),
                "banned " + mask + why);
    }

    /** /unban <nick|ip|mask> [#room] */
    static String unban(ConsoleLine line, Hub hub) {
        if (line.room() != null) return RoomAdmin.unban(line, hub, line.arg(), line.room());
        String mask = BanList.normalize(line.arg());
        return hub.moderation().unban(mask)
                ? line.changed("Unbanned " + mask + ".", "unbanned " + mask)
                : "No ban on " + mask + ". Type /bans.";
    }

    /** /mute <nick> [#room] [minutes]: no minutes, until /unmute. */
    static String mute(ConsoleLine line, Hub hub) {
        String minutesText = line.afterRoom();
        long minutes;
        try {
            minutes = minutesText == null ? 0 : Long.parseLong(minutesText.strip());
            if (minutes < 0 || minutes > 525_600) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            return line.usage() + ", minutes a whole number up to 525600";
        }
        long until = minutes == 0 ? Long.MAX_VALUE : hub.clock().millis() + minutes * 60_000;
        String howLong = minutes == 0 ? "" : " for " + minutes + (minutes == 1 ? " minute" : " minutes");
        if (line.room() != null) return RoomAdmin.mute(line, hub, line.arg(), line.room(), until, howLong);
        Connection c = hub.users().findRegistered(line.arg());
        if (c == null) return "No user " + line.arg() + ".";
        hub.moderation().mute(c, until, howLong);
        return line.changed(
                "Muted " + c.nick() + (minutes == 0 ? " until /unmute." : howLong + "."), "muted " + c.nick());
    }

    /** /unmute <nick> [#room] */
    static String unmute(ConsoleLine line, Hub hub) {
        if (line.room() != null) return RoomAdmin.mute(line, hub, line.arg(), line.room(), 0, "");
        Connection c = hub.users().findRegistered(line.arg());
        if (c == null) return "No user " + line.arg() + ".";
        return hub.moderation().unmute(c)
                ? line.changed("Unmuted " + c.nick() + ".", "unmuted " + c.nick())
                : c.nick() + " is not muted.";
    }

    /** /say <text>: from the server to everyone. */
    static String say(ConsoleLine line, Hub hub) {
        int reached = hub.moderation().announce(line.text());
        return line.changed(
                "*** " + line.text() + " (sent to " + reached + (reached == 1 ? " user)" : " users)"),
                "said to everyone: " + line.text());
    }
}

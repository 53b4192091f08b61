package dev.chatroom.server;

import static dev.chatroom.irc.Numeric.RPL_ENDOFNAMES;
import static dev.chatroom.irc.Numeric.RPL_NAMREPLY;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Utf8;
import dev.chatroom.server.output.Replies;

/**
 * A room's NAMES reply as one recipient may see it: 353 lines (as many as needed) and 366. A
 * secret room shows nothing to outsiders, who also do not see invisible (+i) members; "@" marks
 * a secret room. With multi-prefix every status shows, with userhost-in-names every
 * nick!user@host.
 */
final class NamesReply {
    /** Bytes of names per 353 line: with any prefix the line stays within 512. */
    private static final int NAMES_LINE = 400;

    private NamesReply() {}

    static void send(Room room, Replies r) {
        String name = room.name();
        Connection viewer = r.to();
        boolean inside = room.contains(viewer);
        if (!inside && room.modes().has(ChannelMode.SECRET)) {
            r.numeric(RPL_ENDOFNAMES, name, "End of /NAMES list.");
            return;
        }
        boolean multi = viewer.has(Capability.MULTI_PREFIX);
        boolean userhost = viewer.has(Capability.USERHOST_IN_NAMES);
        String kind = room.modes().has(ChannelMode.SECRET) ? "@" : "=";
        StringBuilder names = new StringBuilder();
        int bytes = 0;
        for (Connection m : room.members()) {
            if (!inside && m.invisible()) continue;
            String entry = room.prefixOf(m, multi) + (userhost ? m.prefix() : m.nick());
            int n = Utf8.length(entry);
            if (bytes > 0 && bytes + 1 + n > NAMES_LINE) {
                r.numeric(RPL_NAMREPLY, kind, name, names.toString());
                names.setLength(0);
                bytes = 0;
            }
            if (bytes > 0) {
                names.append(' ');
                bytes++;
            }
            names.append(entry);
            bytes += n;
        }
        if (names.length() > 0) r.numeric(RPL_NAMREPLY, kind, name, names.toString());
        r.numeric(RPL_ENDOFNAMES, name, "End of /NAMES list.");
    }
}

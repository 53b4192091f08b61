package dev.chatroom.server.commands;

import static dev.chatroom.irc.Numeric.*;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Message;
import dev.chatroom.irc.Names;
import dev.chatroom.irc.Utf8;
import dev.chatroom.server.Connection;
import dev.chatroom.server.output.Broadcast;
import java.util.List;

/**
 * AWAY and SETNAME: what a user says about themselves, told to those who share a room or
 * monitor them (extended-monitor) and asked to hear it.
 */
final class UserCommands {
    private UserCommands() {}

    static List<Command> all() {
        return List.of(
                Command.registered("AWAY", 0, UserCommands::away).clusterWide(),
                Command.registered("SETNAME", 1, UserCommands::setname).clusterWide());
    }

    // AWAY [:<text>]
    static void away(Context ctx) {
        Connection c = ctx.client();
        String text = ctx.param(0);
        boolean back = text == null || text.isEmpty();
        String was = c.away();
        c.away(back ? null : Utf8.truncate(text, Names.AWAY_MAX));
        if (back) ctx.numeric(RPL_UNAWAY, "You are no longer marked as being away");
        else ctx.numeric(RPL_NOWAWAY, "You have been marked as being away");
        if (was == null && back) return;
        Message m = back ? Message.of(c.prefix(), "AWAY") : Message.trailing(c.prefix(), "AWAY", c.away());
        tellCoMembers(ctx, m, Capability.AWAY_NOTIFY, false);
    }

    // SETNAME :<realname>
    static void setname(Context ctx) {
        Connection c = ctx.client();
        String name = ctx.param(0);
        if (name.isEmpty() || Utf8.length(name) > Names.REALNAME_MAX) {
            ctx.replies()
                    .fail("SETNAME", "INVALID_REALNAME", "Realname is not valid (1-" + Names.REALNAME_MAX + " bytes)");
            if (!ctx.device().has(Capability.STANDARD_REPLIES))
                ctx.replies().notice("Realname is not valid (1-" + Names.REALNAME_MAX + " bytes).");
            return;
        }
        c.user(c.user(), name);
        tellCoMembers(ctx, Message.trailing(c.prefix(), "SETNAME", name), Capability.SETNAME, true);
    }

    /**
     * To each co-member that negotiated cap, and each watcher that did with extended-monitor; to
     * the user too when it did and echo is wanted.
     */
    private static void tellCoMembers(Context ctx, Message m, Capability cap, boolean echo) {
        Connection c = ctx.client();
        try (Broadcast b = ctx.hub().output().from(m, ctx.client())) {
            for (Connection other : ctx.hub().rooms().coMembers(c)) b.sendTo(other, cap);
            ctx.hub().monitors().tellWatchers(c, cap, b);
            if (echo && ctx.device().has(cap)) ctx.replies().add(b);
            b.sendToOtherDevices(c, ctx.device(), cap);
        }
    }
}

package dev.chatroom.server.commands;

import dev.chatroom.irc.Message;
import dev.chatroom.irc.Names;
import dev.chatroom.server.ReadMarkers;
import dev.chatroom.server.output.Replies;
import java.util.List;

/** MARKREAD (IRCv3 draft/read-marker): how far the person has read a conversation, set or asked for. */
final class ReadMarkerCommands {
    private ReadMarkerCommands() {}

    static List<Command> all() {
        // no minimum: the specification answers a missing target with FAIL, not 461
        return List.of(Command.registered("MARKREAD", 0, ReadMarkerCommands::markread));
    }

    // MARKREAD <target> [timestamp=YYYY-MM-DDThh:mm:ss.sssZ]
    static void markread(Context ctx) {
        Replies r = ctx.replies();
        if (ctx.paramCount() == 0) {
            r.standardWords("FAIL", "MARKREAD", "NEED_MORE_PARAMS", "Missing parameters");
            return;
        }
        String target = ctx.param(0);
        if (!Names.isValidChannel(target) && !Names.isValidNick(target)) {
            r.standardWords("FAIL", "MARKREAD", "INVALID_PARAMS", "Invalid target", target);
            return;
        }
        ReadMarkers markers = ctx.hub().readMarkers();
        if (ctx.paramCount() == 1) {
            r.add(Message.of(r.serverName(), "MARKREAD", target, markers.shown(ctx.client(), target)));
            return;
        }
        long millis = ReadMarkers.parse(ctx.param(1));
        if (millis < 0) {
            r.standardWords("FAIL", "MARKREAD", "INVALID_PARAMS", "Invalid timestamp", target, ctx.param(1));
            return;
        }
        String now = markers.read(ctx.client(), ctx.device(), target, millis);
        r.add(Message.of(r.serverName(), "MARKREAD", target, now));
    }
}

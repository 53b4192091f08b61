package dev.chatroom.server.commands;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Names;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Hub;
import dev.chatroom.server.Redactions;
import dev.chatroom.server.Room;
import dev.chatroom.server.UserMode;
import dev.chatroom.server.output.Replies;
import dev.chatroom.store.Conversation;
import dev.chatroom.store.StoredMessage;
import java.util.List;
import java.util.Optional;

/**
 * REDACT (IRCv3 draft/message-redaction): deleting a message. The message is looked up first
 * (the store may be read off the loop), so the answer comes later, labeled then if it was
 * labeled; what the device sends meanwhile waits. Who may is {@link Redactions}'s to say. In a
 * cluster the node that decides publishes the deletion ({@link dev.chatroom.server.Replication#redacted}).
 */
final class RedactCommand {
    private RedactCommand() {}

    static List<Command> all() {
        return List.of(Command.registered("REDACT", 2, RedactCommand::redact));
    }

    // REDACT <target> <msgid> [:reason]
    static void redact(Context ctx) {
        Hub hub = ctx.hub();
        String target = ctx.param(0);
        String msgid = ctx.param(1);
        Conversation conv = conversation(ctx, target);
        if (conv == null) {
            ctx.replies()
                    .standardWords(
                            "FAIL", "REDACT", "INVALID_TARGET", "You cannot delete messages from " + target, target);
            return;
        }
        Connection device = ctx.device();
        String label = ctx.replies().takeLabel();
        String reason = ctx.param(2);
        device.awaitAnswer(); // what the device sends next waits for the answer
        new Redactions(hub).find(conv, msgid, found -> {
            if (!device.isClosed()) {
                Replies r = hub.output().replies(device);
                if (label != null) r.label(label);
                decide(hub, device, target, msgid, reason, found, r);
                r.finish();
            }
            device.answered();
        });
    }

    /** Whose messages target names for person: a room it is in (any room, for an IRC operator), or its private conversation with a nick. */
    private static Conversation conversation(Context ctx, String target) {
        Connection person = ctx.client();
        if (Names.isChannel(target)) {
            Room room = ctx.hub().rooms().find(target);
            if (room == null || !(room.contains(person) || person.has(UserMode.OPERATOR))) return null;
            return Conversation.room(Casemapping.fold(room.name()));
        }
        if (!Names.isValidNick(target)) return null;
        String account = person.account();
        return Conversation.direct(account == null ? null : Casemapping.fold(account), Casemapping.fold(target));
    }

    private static void decide(
            Hub hub,
            Connection device,
            String target,
            String msgid,
            String reason,
            Optional<StoredMessage> found,
            Replies r) {
        if (found == null) {
            r.standardWords(
                    "FAIL",
                    "REDACT",
                    "MESSAGE_ERROR",
                    "History is unavailable right now; try again later",
                    target,
                    msgid);
            return;
        }
        if (found.isEmpty()) {
            r.standardWords(
                    "FAIL", "REDACT", "UNKNOWN_MSGID", "This message does not exist or is too old", target, msgid);
            return;
        }
        StoredMessage m = found.get();
        Connection person = device.person();
        Room room = m.roomKey() == null ? null : hub.rooms().find(m.target());
        Redactions.Refusal no = new Redactions(hub).refusal(person, m, room);
        if (no == Redactions.Refusal.REDACT_FORBIDDEN) {
            r.standardWords(
                    "FAIL", "REDACT", no.name(), "You are not authorised to delete this message", target, msgid);
        } else if (no == Redactions.Refusal.REDACT_WINDOW_EXPIRED) {
            r.standardWords(
                    "FAIL",
                    "REDACT",
                    no.name(),
                    "You can no longer delete this message",
                    target,
                    msgid,
                    Long.toString(new Redactions(hub).windowMillis() / 1000));
        } else {
            new Redactions(hub).redact(m, person.prefix(), reason, device, r);
        }
    }
}

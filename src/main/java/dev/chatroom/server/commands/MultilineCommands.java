package dev.chatroom.server.commands;

import static dev.chatroom.irc.Numeric.*;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Message;
import dev.chatroom.irc.Names;
import dev.chatroom.server.Connection;
import dev.chatroom.server.HistoryTags;
import dev.chatroom.server.MultilineBatch;
import dev.chatroom.server.Room;
import dev.chatroom.server.output.MultilineBroadcast;
import dev.chatroom.store.MultilineText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IRCv3 draft/multiline: a client's {@code BATCH +ref draft/multiline <target>}, its
 * {@code @batch=ref PRIVMSG} lines and {@code BATCH -ref}, collected on the connection
 * ({@link MultilineBatch}) and then sent as one message, checked as a PRIVMSG to the same target
 * is. In a cluster the whole message travels as one internal command, MULTILINE, which the nodes
 * run as they run a PRIVMSG; a client cannot send it.
 */
final class MultilineCommands {
    /** The internal command's tags: the text, where its concat lines begin. */
    private static final String TEXT_TAG = "chatroom/multiline";

    private static final String CONCAT_AT_TAG = "chatroom/concat-at";

    private MultilineCommands() {}

    static List<Command> all() {
        return List.of(
                Command.registered("BATCH", 1, MultilineCommands::batch),
                Command.registered("MULTILINE", 1, MultilineCommands::relayed));
    }

    // BATCH +ref draft/multiline <target>   or   BATCH -ref
    private static void batch(Context ctx) {
        Connection device = ctx.device();
        String ref = ctx.param(0);
        if (ref.length() < 2 || (ref.charAt(0) != '+' && ref.charAt(0) != '-')) {
            fail(ctx, "MULTILINE_INVALID", "Invalid multiline batch");
            return;
        }
        if (ref.charAt(0) == '-') {
            close(ctx, ref.substring(1));
            return;
        }
        if (!MultilineBatch.TYPE.equals(ctx.param(1))) {
            ctx.replies().standardWords("FAIL", "BATCH", "UNKNOWN_TYPE", "Unknown batch type", ctx.param(1));
            return;
        }
        String target = ctx.param(2);
        if (!MultilineBroadcast.batched(device)
                || device.multiline() != null
                || target == null
                || target.isEmpty()
                || target.indexOf(',') >= 0) {
            fail(ctx, "MULTILINE_INVALID", "Invalid multiline batch");
            return;
        }
        MultilineBatch b = new MultilineBatch(
                ref.substring(1), target, ctx.replies().takeLabel(), MessageCommands.clientTags(device, ctx.message()));
        device.multiline(b);
        b.timer(ctx.hub().clock().schedule(() -> expire(ctx, b), MultilineBatch.MAX_OPEN_NANOS));
    }

    /** A batch left open too long is dropped: memory stays bounded whatever a client leaves behind. */
    private static void expire(Context ctx, MultilineBatch b) {
        Connection device = ctx.device();
        if (device.multiline() != b || device.isClosed()) return;
        device.multiline(null);
        Context late = new Context(
                ctx.hub(), ctx.client(), ctx.message(), ctx.hub().output().replies(device));
        fail(late, "MULTILINE_INVALID", "Multiline batch not closed in time");
        late.replies().flush();
    }

    /** A line with a batch tag, from a connection of this server (the dispatcher sends them here). */
    static void line(Context ctx) {
        Connection device = ctx.device();
        MultilineBatch b = device.multiline();
        Message m = ctx.message();
        if (b == null || !b.ref().equals(m.tags().get("batch"))) {
            fail(ctx, "MULTILINE_INVALID", "Invalid multiline batch");
            return;
        }
        if (b.failed()) return; // told once already
        if (!m.command().equals("PRIVMSG") || ctx.paramCount() < 1) {
            failBatch(ctx, b, "MULTILINE_INVALID", "Invalid multiline batch");
            return;
        }
        if (!Casemapping.equals(b.target(), ctx.param(0))) {
            b.fail();
            ctx.replies()
                    .standardWords(
                            "FAIL",
                            "BATCH",
                            "MULTILINE_INVALID_TARGET",
                            "Invalid multiline target",
                            b.target(),
                            ctx.param(0));
            return;
        }
        String text = ctx.param(1) == null ? "" : ctx.param(1);
        String code = b.add(text, m.tags().containsKey(MultilineText.CONCAT));
        if (code == null) return;
        switch (code) {
            case "MULTILINE_MAX_BYTES" -> {
                b.fail();
                ctx.replies()
                        .standardWords(
                                "FAIL",
                                "BATCH",
                                code,
                                "Multiline batch max-bytes exceeded",
                                Integer.toString(Capability.MULTILINE_MAX_BYTES));
            }
            case "MULTILINE_MAX_LINES" -> {
                b.fail();
                ctx.replies()
                        .standardWords(
                                "FAIL",
                                "BATCH",
                                code,
                                "Multiline batch max-lines exceeded",
                                Integer.toString(Capability.MULTILINE_MAX_LINES));
            }
            default -> failBatch(ctx, b, code, "Invalid multiline batch");
        }
    }

    private static void close(Context ctx, String ref) {
        Connection device = ctx.device();
        MultilineBatch b = device.multiline();
        if (b == null || !b.ref().equals(ref)) {
            fail(ctx, "MULTILINE_INVALID", "Invalid multiline batch");
            return;
        }
        device.multiline(null);
        b.cancelTimer();
        if (b.failed()) return;
        if (b.lines().isEmpty() || b.blank()) {
            fail(ctx, "MULTILINE_INVALID", "Invalid multiline batch");
            return;
        }
        MultilineText text = MultilineText.of(b.lines());
        Map<String, String> tags = new LinkedHashMap<>(b.clientTags());
        tags.put(TEXT_TAG, text.text());
        tags.put(CONCAT_AT_TAG, text.concatAt());
        if (b.label() != null) tags.put("label", b.label());
        Message whole = Message.create(tags, null, "MULTILINE", List.of(b.target()), false);
        if (ctx.hub().replication().relay(device, whole)) return; // runs when the cluster hands it back
        if (b.label() != null) ctx.replies().label(b.label());
        send(ctx, b.target(), text, b.clientTags());
    }

    /** MULTILINE, as the cluster runs it on every node; from a client, an unknown command. */
    private static void relayed(Context ctx) {
        Message m = ctx.message();
        String text = m.tags().get(TEXT_TAG);
        if (!ctx.hub().output().pinned() || text == null) {
            ctx.numeric(ERR_UNKNOWNCOMMAND, "MULTILINE", "Unknown command");
            return;
        }
        Map<String, String> clientTags = new LinkedHashMap<>();
        m.tags().forEach((k, v) -> {
            if (k.startsWith("+")) clientTags.put(k, v);
        });
        String concatAt = m.tags().getOrDefault(CONCAT_AT_TAG, "");
        send(ctx, ctx.param(0), new MultilineText(text, concatAt), clientTags);
    }

    /** The whole message, to a room or a nick, checked as a PRIVMSG to it would be. */
    private static void send(Context ctx, String target, MultilineText text, Map<String, String> clientTags) {
        if (MessageCommands.muted(ctx, false)) return;
        MessageCommands.spoke(ctx, target, text.text(), false);
        Map<String, String> stored = text.storedTags(HistoryTags.kept(clientTags));
        Connection c = ctx.client();
        if (Names.isChannel(target)) {
            Room room = MessageCommands.room(ctx, target, false);
            if (room == null) return;
            try (MultilineBroadcast b = ctx.hub().output().saidMultiline(room.name(), text.lines(), clientTags, c)) {
                for (Connection member : room.members()) if (member != c) b.sendTo(member);
                toOwnDevices(ctx, b);
                ctx.hub().stats().delivered(b.deliveries());
                ctx.hub().history().said(ctx.device(), room, b, "PRIVMSG", text.text(), stored);
            }
            return;
        }
        Connection to = MessageCommands.recipient(ctx, target, false);
        if (to == null) return;
        try (MultilineBroadcast b = ctx.hub().output().saidMultiline(to.nick(), text.lines(), clientTags, c)) {
            if (to != c) {
                b.sendTo(to);
                toOwnDevices(ctx, b);
            } else { // to oneself: the delivery, with echo-message then the echo (the one a label goes on)
                b.sendToOtherDevices(c, ctx.device());
                if (MessageCommands.echoes(ctx.device(), false)) b.sendToConnection(ctx.device());
                ctx.replies().add(b);
            }
            ctx.hub().stats().delivered(b.deliveries());
            ctx.hub().history().saidPrivately(ctx.device(), to, b, "PRIVMSG", text.text(), stored);
        }
        if (to.away() != null) ctx.numeric(RPL_AWAY, to.nick(), to.away());
    }

    private static void toOwnDevices(Context ctx, MultilineBroadcast b) {
        if (MessageCommands.echoes(ctx.device(), false)) ctx.replies().add(b);
        b.sendToOtherDevices(ctx.client(), ctx.device());
    }

    /** The batch is failed: told once, the rest of its lines ignored until it is closed. */
    private static void failBatch(Context ctx, MultilineBatch b, String code, String text) {
        b.fail();
        fail(ctx, code, text);
    }

    /** FAIL BATCH, whether or not the client negotiated standard-replies: the spec has no other answer. */
    private static void fail(Context ctx, String code, String text) {
        ctx.replies().standardWords("FAIL", "BATCH", code, text);
    }
}

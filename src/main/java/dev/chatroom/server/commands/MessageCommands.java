package dev.chatroom.server.commands;

import static dev.chatroom.irc.Numeric.*;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Message;
import dev.chatroom.irc.Names;
import dev.chatroom.log.Event;
import dev.chatroom.server.Connection;
import dev.chatroom.server.HistoryTags;
import dev.chatroom.server.Hub;
import dev.chatroom.server.Room;
import dev.chatroom.server.flow.TypingLimit;
import dev.chatroom.server.output.Broadcast;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PRIVMSG, NOTICE and TAGMSG: to a room (every other member) or to one nick. History keeps every
 * PRIVMSG and NOTICE, and of TAGMSGs the reactions, each with the client-only tags {@link HistoryTags} keeps.
 */
final class MessageCommands {
    /** IRCv3 typing's tag, and the draft name some clients still send. */
    private static final List<String> TYPING_TAGS = List.of("+typing", "+draft/typing");

    private MessageCommands() {}

    static List<Command> all() {
        return List.of(
                Command.registered("PRIVMSG", 0, ctx -> relay(ctx, "PRIVMSG")).clusterWide(),
                Command.registered("NOTICE", 0, ctx -> relay(ctx, "NOTICE")).clusterWide(),
                Command.registered("TAGMSG", 1, ctx -> relay(ctx, "TAGMSG")).clusterWide());
    }

    // PRIVMSG <target>{,<target>} :<text>   (NOTICE alike; TAGMSG <target> carries only tags)
    static void relay(Context ctx, String verb) {
        // RFC 2812: a NOTICE never causes an automatic reply, errors included.
        boolean quiet = !verb.equals("PRIVMSG");
        boolean tagOnly = verb.equals("TAGMSG");
        if (ctx.paramCount() == 0 || ctx.param(0).isEmpty()) {
            if (!quiet) ctx.numeric(ERR_NORECIPIENT, "No recipient given (" + verb + ")");
            return;
        }
        String text = ctx.param(1);
        if (!tagOnly && (text == null || text.isEmpty())) {
            if (!quiet) ctx.numeric(ERR_NOTEXTTOSEND, "No text to send");
            return;
        }
        String[] targets =
                Arrays.stream(ctx.param(0).split(",")).filter(t -> !t.isEmpty()).toArray(String[]::new);
        if (targets.length == 0) {
            if (!quiet) ctx.numeric(ERR_NORECIPIENT, "No recipient given (" + verb + ")");
            return;
        }
        if (targets.length > Names.MAX_TARGETS) {
            if (!quiet)
                ctx.numeric(ERR_TOOMANYTARGETS, ctx.param(0), "Too many targets; the maximum is " + Names.MAX_TARGETS);
            return;
        }
        if (muted(ctx, tagOnly)) return;
        Map<String, String> clientTags = clientTags(ctx.device(), ctx.message());
        spoke(ctx, ctx.param(0), text, tagOnly);
        for (String target : targets) {
            if (Names.isChannel(target)) toRoom(ctx, target, verb, text, clientTags, quiet, tagOnly);
            else toNick(ctx, target, verb, text, clientTags, quiet, tagOnly);
        }
    }

    /** The sender is muted by the admin: told so (a message, not a TAGMSG), and nothing is sent. */
    static boolean muted(Context ctx, boolean tagOnly) {
        if (!ctx.client().mutedAt(ctx.now())) return false;
        if (!tagOnly) ctx.replies().notice("You are muted by the admin; your message was not sent.");
        return true;
    }

    /** The sender spoke: its idle time starts over, a message is counted and logged when the admin asked for that. */
    static void spoke(Context ctx, String target, String text, boolean tagOnly) {
        Hub hub = ctx.hub();
        Connection c = ctx.client();
        c.spoke(ctx.now());
        if (tagOnly) return;
        hub.stats().relayed();
        if (hub.config().logMessages())
            hub.events()
                    .event(Event.info("message", "<" + c.nick() + " to " + target + "> " + text)
                            .nick(c.nick())
                            .account(c.account())
                            .with("target", target)
                            .with("text", text));
    }

    /** The room the sender may speak in by that name, or null (told why unless quiet). */
    static Room room(Context ctx, String target, boolean quiet) {
        Room room = ctx.hub().rooms().find(target);
        if (room == null) {
            if (!quiet) ctx.numeric(ERR_NOSUCHCHANNEL, target, "No such channel");
            return null;
        }
        String silenced = room.silenced(ctx.client(), ctx.now());
        if (silenced != null) {
            if (!quiet) ctx.numeric(ERR_CANNOTSENDTOCHAN, room.name(), silenced);
            return null;
        }
        return room;
    }

    /** The user by that nick, or null (told so unless quiet). */
    static Connection recipient(Context ctx, String target, boolean quiet) {
        Connection to = ctx.hub().users().findRegistered(target);
        if (to == null && !quiet) ctx.numeric(ERR_NOSUCHNICK, target, "No such nick/channel");
        return to;
    }

    private static void toRoom(
            Context ctx,
            String target,
            String verb,
            String text,
            Map<String, String> tags,
            boolean quiet,
            boolean tagOnly) {
        Connection c = ctx.client();
        Room room = room(ctx, target, quiet);
        if (room == null) return;
        if (tagOnly && !typingAllowed(ctx, room.name(), tags)) return;
        try (Broadcast b = ctx.hub().output().said(message(c, verb, room.name(), text, tagOnly), tags, c)) {
            for (Connection member : room.members()) {
                if (member == c) continue;
                if (tagOnly) b.sendTo(member, Capability.MESSAGE_TAGS);
                else b.sendTo(member);
            }
            toOwnDevices(ctx, b, tagOnly);
            if (!tagOnly) ctx.hub().stats().delivered(b.deliveries());
            Map<String, String> kept = HistoryTags.kept(tags);
            if (!tagOnly || HistoryTags.isReaction(kept))
                ctx.hub().history().said(ctx.device(), room, b, verb, tagOnly ? "" : text, kept);
        }
    }

    private static void toNick(
            Context ctx,
            String target,
            String verb,
            String text,
            Map<String, String> tags,
            boolean quiet,
            boolean tagOnly) {
        Connection c = ctx.client();
        Connection to = recipient(ctx, target, quiet);
        if (to == null) return;
        if (tagOnly && !typingAllowed(ctx, to.nick(), tags)) return;
        try (Broadcast b = ctx.hub().output().said(message(c, verb, to.nick(), text, tagOnly), tags, c)) {
            Connection device = ctx.device();
            if (to != c) {
                if (tagOnly) b.sendTo(to, Capability.MESSAGE_TAGS);
                else b.sendTo(to);
                toOwnDevices(ctx, b, tagOnly);
            } else { // to oneself: the delivery, with echo-message then the echo (the one a label goes on)
                if (tagOnly) b.sendToOtherDevices(c, device, Capability.MESSAGE_TAGS);
                else b.sendToOtherDevices(c, device);
                if (echoes(device, tagOnly)) b.sendToConnection(device);
                ctx.replies().add(b);
            }
            if (!tagOnly) ctx.hub().stats().delivered(b.deliveries());
            Map<String, String> kept = HistoryTags.kept(tags);
            if (!tagOnly || HistoryTags.isReaction(kept))
                ctx.hub().history().saidPrivately(ctx.device(), to, b, verb, tagOnly ? "" : text, kept);
        }
        if (verb.equals("PRIVMSG") && to.away() != null) ctx.numeric(RPL_AWAY, to.nick(), to.away());
    }

    /** The sender's echo when its device asked for one; the sender's other devices see what it said in any case. */
    static void toOwnDevices(Context ctx, Broadcast b, boolean tagOnly) {
        if (echoes(ctx.device(), tagOnly)) ctx.replies().add(b);
        if (tagOnly) b.sendToOtherDevices(ctx.client(), ctx.device(), Capability.MESSAGE_TAGS);
        else b.sendToOtherDevices(ctx.client(), ctx.device());
    }

    static boolean echoes(Connection c, boolean tagOnly) {
        return c.has(Capability.ECHO_MESSAGE) && (!tagOnly || c.has(Capability.MESSAGE_TAGS));
    }

    /** The message as relayed, its target written as the server knows it (a room's or a nick's own spelling). */
    private static Message message(Connection c, String verb, String target, String text, boolean tagOnly) {
        return tagOnly ? Message.of(c.prefix(), verb, target) : Message.trailing(c.prefix(), verb, target, text);
    }

    /**
     * A typing notification goes out only as the sender's {@link TypingLimit} allows (the excess is
     * dropped without a word); timed as the message is stamped, so in a cluster every node decides alike.
     */
    private static boolean typingAllowed(Context ctx, String target, Map<String, String> tags) {
        String value = typing(tags);
        return value == null
                || ctx.client()
                        .typing()
                        .allow(
                                Casemapping.fold(target),
                                value,
                                ctx.hub().output().stampMillis());
    }

    /** The typing tag's value ("" when it was sent without one), or null when there is none. */
    private static String typing(Map<String, String> tags) {
        for (String name : TYPING_TAGS) {
            String value = tags.get(name);
            if (value != null) return value;
        }
        return null;
    }

    /**
     * Client-only tags (+name) travel only when the sender negotiated message-tags; a user of another
     * node had them dropped there when it had not ({@code ClusterCommands}).
     */
    static Map<String, String> clientTags(Connection c, Message m) {
        if (m.tags().isEmpty() || !(c.isRemote() || c.has(Capability.MESSAGE_TAGS))) return Map.of();
        Map<String, String> out = new LinkedHashMap<>();
        m.tags().forEach((k, v) -> {
            if (k.startsWith("+")) out.put(k, v);
        });
        return out;
    }
}

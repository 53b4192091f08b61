package dev.chatroom.server.commands;

import static dev.chatroom.irc.Numeric.*;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Message;
import dev.chatroom.irc.Names;
import dev.chatroom.server.Broadcast;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Hub;
import dev.chatroom.server.Room;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PRIVMSG, NOTICE and TAGMSG: to a room (every other member) or to one nick. */
final class MessageCommands {
    private MessageCommands() {}

    static List<Command> all() {
        return List.of(
                Command.registered("PRIVMSG", 0, (hub, c, m) -> relay(hub, c, m, "PRIVMSG")),
                Command.registered("NOTICE", 0, (hub, c, m) -> relay(hub, c, m, "NOTICE")),
                Command.registered("TAGMSG", 1, (hub, c, m) -> relay(hub, c, m, "TAGMSG")));
    }

    // PRIVMSG <target>{,<target>} :<text>   (NOTICE alike; TAGMSG <target> carries only tags)
    static void relay(Hub hub, Connection c, Message m, String verb) {
        // RFC 2812: a NOTICE never causes an automatic reply, errors included.
        boolean quiet = !verb.equals("PRIVMSG");
        boolean tagOnly = verb.equals("TAGMSG");
        if (m.params().isEmpty() || m.param(0).isEmpty()) {
            if (!quiet) hub.reply(c, ERR_NORECIPIENT, "No recipient given (" + verb + ")");
            return;
        }
        String text = m.param(1);
        if (!tagOnly && (text == null || text.isEmpty())) {
            if (!quiet) hub.reply(c, ERR_NOTEXTTOSEND, "No text to send");
            return;
        }
        String[] targets = m.param(0).split(",");
        if (targets.length > Hub.MAX_TARGETS) {
            if (!quiet) hub.reply(c, ERR_TOOMANYTARGETS, m.param(0), "Too many targets; the maximum is " + Hub.MAX_TARGETS);
            return;
        }
        if (c.mutedAt(hub.now())) {
            if (!tagOnly) hub.notice(c, "You are muted by the admin; your message was not sent.");
            return;
        }
        Map<String, String> clientTags = clientTags(c, m);
        c.spoke(hub.now());
        if (!tagOnly) hub.stats().relayed();
        if (!tagOnly && hub.config().logMessages()) hub.events().event("<" + c.nick() + " to " + m.param(0) + "> " + text);
        for (String target : targets) {
            if (target.isEmpty()) continue;
            if (Names.isChannel(target)) {
                toRoom(hub, c, target, verb, text, clientTags, quiet, tagOnly);
            } else {
                toNick(hub, c, target, verb, text, clientTags, quiet, tagOnly);
            }
        }
    }

    private static void toRoom(Hub hub, Connection c, String target, String verb, String text,
                               Map<String, String> tags, boolean quiet, boolean tagOnly) {
        Room room = hub.rooms().find(target);
        if (room == null) {
            if (!quiet) hub.reply(c, ERR_NOSUCHCHANNEL, target, "No such channel");
            return;
        }
        if (!room.contains(c)) {
            if (!quiet) hub.reply(c, ERR_CANNOTSENDTOCHAN, room.name(), "Cannot send to channel (you are not in it)");
            return;
        }
        boolean echo = c.has(Capability.ECHO_MESSAGE);
        try (Broadcast b = hub.broadcast(message(c, verb, room.name(), text, tagOnly), tags)) {
            for (Connection member : room.members()) {
                if ((member != c || echo) && (!tagOnly || member.has(Capability.MESSAGE_TAGS))) b.sendTo(member);
            }
        }
    }

    private static void toNick(Hub hub, Connection c, String target, String verb, String text,
                               Map<String, String> tags, boolean quiet, boolean tagOnly) {
        Connection to = hub.nicks().find(target);
        if (to == null || !to.isRegistered()) {
            if (!quiet) hub.reply(c, ERR_NOSUCHNICK, target, "No such nick/channel");
            return;
        }
        try (Broadcast b = hub.broadcast(message(c, verb, to.nick(), text, tagOnly), tags)) {
            if (!tagOnly || to.has(Capability.MESSAGE_TAGS)) b.sendTo(to);
            if (to != c && c.has(Capability.ECHO_MESSAGE) && (!tagOnly || c.has(Capability.MESSAGE_TAGS))) b.sendTo(c);
        }
        if (verb.equals("PRIVMSG") && to.away() != null) hub.reply(c, RPL_AWAY, to.nick(), to.away());
    }

    private static Message message(Connection c, String verb, String target, String text, boolean tagOnly) {
        return tagOnly ? Message.of(c.prefix(), verb, target) : Message.trailing(c.prefix(), verb, target, text);
    }

    /** Client-only tags (+name) travel only when the sender negotiated message-tags. */
    private static Map<String, String> clientTags(Connection c, Message m) {
        if (m.tags().isEmpty() || !c.has(Capability.MESSAGE_TAGS)) return Map.of();
        Map<String, String> out = new LinkedHashMap<>();
        m.tags().forEach((k, v) -> {
            if (k.startsWith("+")) out.put(k, v);
        });
        return out;
    }
}

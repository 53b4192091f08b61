package dev.chatroom.server.output;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Message;
import dev.chatroom.server.Cloaks;
import dev.chatroom.store.StoredMessage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Remembered messages written for one client: inside a batch (chathistory, search) for those
 * that negotiated batch, otherwise as plain lines between two notices saying they are history,
 * with their original time as a tag (server-time) or, failing that, in front of the text. A
 * sender's host is shown as it would be now ({@link Cloaks#remembered}).
 */
public final class HistoryLines {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    public static final String CHATHISTORY = "chathistory";
    public static final String SEARCH = "soju.im/search";

    private HistoryLines() {}

    /** The messages a client is shown on joining room. */
    public static void replay(Replies r, Cloaks cloaks, String room, List<StoredMessage> messages) {
        if (r.to().has(Capability.BATCH)) {
            batch(r, cloaks, CHATHISTORY, room, messages);
            return;
        }
        r.add(Message.trailing(
                server(r),
                "NOTICE",
                room,
                "--- " + messages.size() + " earlier message" + (messages.size() == 1 ? "" : "s") + " ---"));
        plain(r, cloaks, messages);
        r.add(Message.trailing(server(r), "NOTICE", room, "--- end of earlier messages ---"));
    }

    /** A CHATHISTORY answer: always a batch for batch clients (an empty one when nothing matched), plain lines for the others. */
    public static void batch(Replies r, Cloaks cloaks, String type, String target, List<StoredMessage> messages) {
        if (!r.to().has(Capability.BATCH)) {
            plain(r, cloaks, messages);
            return;
        }
        String id = target == null ? r.startBatch(type) : r.startBatch(type, target);
        for (StoredMessage m : messages) {
            Message line = Message.trailing(cloaks.remembered(m.prefix()), m.command(), m.target(), m.text());
            r.addRemembered(line, m.timeMillis(), m.msgid(), m.account(), m.clientTags(), id);
        }
        r.endBatch(id);
    }

    private static void plain(Replies r, Cloaks cloaks, List<StoredMessage> messages) {
        boolean tagged = r.to().has(Capability.SERVER_TIME);
        for (StoredMessage m : messages) {
            Message line = Message.trailing(
                    cloaks.remembered(m.prefix()), m.command(), m.target(), tagged ? m.text() : stamped(m));
            r.addRemembered(line, m.timeMillis(), m.msgid(), m.account(), m.clientTags(), null);
        }
    }

    /** The text with its time in front (inside an action, after the ACTION word). */
    static String stamped(StoredMessage m) {
        String stamp = "[" + STAMP.format(Instant.ofEpochMilli(m.timeMillis())) + "] ";
        String t = m.text();
        if (t.startsWith("\u0001ACTION ")) return "\u0001ACTION " + stamp + t.substring(8);
        return stamp + t;
    }

    private static String server(Replies r) {
        return r.serverName();
    }
}

package dev.chatroom.server.output;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Message;
import dev.chatroom.server.Cloaks;
import dev.chatroom.store.MultilineText;
import dev.chatroom.store.StoredMessage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Remembered messages written for one client: inside a batch (chathistory, search) for those
 * that negotiated batch, otherwise as plain lines between two notices saying they are history,
 * with their original time as a tag (server-time) or, failing that, in front of the text. A
 * sender's host is shown as it would be now ({@link Cloaks#remembered}). Kept reactions (TAGMSGs)
 * go only to clients that negotiated message-tags; the others are sent the rest. A multiline
 * message is a draft/multiline batch of its own for those that negotiated it, its lines for the others.
 */
public final class HistoryLines {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    public static final String CHATHISTORY = "chathistory";
    public static final String SEARCH = "soju.im/search";
    private static final String TAGMSG = "TAGMSG";

    private HistoryLines() {}

    /** The messages a client is shown on joining room. */
    public static void replay(Replies r, Cloaks cloaks, String room, List<StoredMessage> messages) {
        List<StoredMessage> shown = readable(r, messages);
        if (shown.isEmpty()) return;
        if (r.to().has(Capability.BATCH)) {
            inBatch(r, cloaks, r.startBatch(CHATHISTORY, room), shown);
            return;
        }
        r.add(Message.trailing(
                server(r),
                "NOTICE",
                room,
                "--- " + shown.size() + " earlier message" + (shown.size() == 1 ? "" : "s") + " ---"));
        plain(r, cloaks, shown);
        r.add(Message.trailing(server(r), "NOTICE", room, "--- end of earlier messages ---"));
    }

    /** A CHATHISTORY answer: always a batch for batch clients (an empty one when nothing matched), plain lines for the others. */
    public static void batch(Replies r, Cloaks cloaks, String type, String target, List<StoredMessage> messages) {
        List<StoredMessage> shown = readable(r, messages);
        if (!r.to().has(Capability.BATCH)) {
            plain(r, cloaks, shown);
            return;
        }
        inBatch(r, cloaks, target == null ? r.startBatch(type) : r.startBatch(type, target), shown);
    }

    private static void inBatch(Replies r, Cloaks cloaks, String id, List<StoredMessage> messages) {
        for (StoredMessage m : messages) {
            MultilineText multiline = MultilineText.of(m);
            if (multiline != null) multiline(r, cloaks, m, multiline, id);
            else r.addRemembered(line(cloaks, m, m.text()), m.timeMillis(), m.msgid(), m.account(), m.clientTags(), id);
        }
        r.endBatch(id);
    }

    private static void plain(Replies r, Cloaks cloaks, List<StoredMessage> messages) {
        boolean tagged = r.to().has(Capability.SERVER_TIME);
        for (StoredMessage m : messages) {
            MultilineText multiline = MultilineText.of(m);
            if (multiline != null) {
                multiline(r, cloaks, m, multiline, null);
                continue;
            }
            Message line = line(cloaks, m, tagged ? m.text() : stamped(m));
            r.addRemembered(line, m.timeMillis(), m.msgid(), m.account(), m.clientTags(), null);
        }
    }

    /**
     * A multiline message: a draft/multiline batch inside the history batch for a client that
     * negotiated it, else its non-blank lines, the msgid on the first (as it was relayed).
     */
    private static void multiline(Replies r, Cloaks cloaks, StoredMessage m, MultilineText text, String batch) {
        String source = cloaks.remembered(m.prefix());
        Map<String, String> tags = MultilineText.clientTags(m);
        if (batch != null && MultilineBroadcast.batched(r.to())) {
            StringBuilder sb = new StringBuilder(256);
            int variant = Wire.variant(r.to()) | Wire.SERVER_TIME;
            new MultilineLines(source, m.target(), text.lines(), m.timeMillis(), m.msgid(), m.account(), false, tags)
                    .appendBatch(sb, MultilineBroadcast.newRef(), variant);
            sb.insert(
                    1,
                    "batch=" + batch + ";"); // its opening line, tagged with its time at least, is in the history batch
            r.addLines(sb);
            return;
        }
        boolean stamp = batch == null && !r.to().has(Capability.SERVER_TIME);
        String msgid = m.msgid();
        for (MultilineText.Line l : text.lines()) {
            if (l.text().isEmpty()) continue;
            String shown = stamp ? stamped(m.timeMillis(), l.text()) : l.text();
            r.addRemembered(
                    Message.trailing(source, m.command(), m.target(), shown),
                    m.timeMillis(),
                    msgid,
                    m.account(),
                    tags,
                    batch);
            msgid = null;
        }
    }

    /**
     * What of the messages the client can read: a reaction (a TAGMSG) is only tags, so only a
     * client that negotiated message-tags is sent one, as it was sent it live.
     */
    private static List<StoredMessage> readable(Replies r, List<StoredMessage> messages) {
        if (r.to().has(Capability.MESSAGE_TAGS)) return messages;
        return messages.stream().filter(m -> !isTagsOnly(m)).toList();
    }

    private static boolean isTagsOnly(StoredMessage m) {
        return TAGMSG.equals(m.command());
    }

    /** The remembered line, with text (a TAGMSG has none), from the sender as its host is shown now. */
    private static Message line(Cloaks cloaks, StoredMessage m, String text) {
        String source = cloaks.remembered(m.prefix());
        return isTagsOnly(m)
                ? Message.of(source, TAGMSG, m.target())
                : Message.trailing(source, m.command(), m.target(), text);
    }

    /** The text with its time in front (inside an action, after the ACTION word). */
    static String stamped(StoredMessage m) {
        return stamped(m.timeMillis(), m.text());
    }

    private static String stamped(long timeMillis, String t) {
        String stamp = "[" + STAMP.format(Instant.ofEpochMilli(timeMillis)) + "] ";
        if (t.startsWith("\u0001ACTION ")) return "\u0001ACTION " + stamp + t.substring(8);
        return stamp + t;
    }

    private static String server(Replies r) {
        return r.serverName();
    }
}

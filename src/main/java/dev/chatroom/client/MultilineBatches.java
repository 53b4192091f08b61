package dev.chatroom.client;

import dev.chatroom.irc.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multiline messages received (IRCv3 draft/multiline): the lines of a batch, live, echoed or nested
 * in a history batch, gathered until it closes and handed on as one PRIVMSG with the opening BATCH's
 * tags (its msgid, time, account, label, client-only tags, the batch it is nested in). Its lines are
 * joined by U+2028 (a message holds no line feed) and it is marked {@link #TAG}, so {@link #text} gives
 * the line breaks back for this message only: a U+2028 in any other message stays a space. On the
 * network thread.
 */
final class MultilineBatches {
    /** Marks a message put together here; no server sends a tag of this name. */
    static final String TAG = "chatroom.dev/multiline";

    private static final char BREAK = '\u2028';
    private static final int MAX_OPEN = 32;
    private static final int MAX_LINES = 1000;

    private record Open(Message start, List<Message> lines) {}

    private final Map<String, Open> open = new HashMap<>();

    /** The line to handle: itself, null while it is part of a multiline batch, the whole message when one closes. */
    Message take(Message m) {
        String p0 = m.param(0);
        if (m.command().equals("BATCH") && p0 != null && p0.length() > 1) {
            String ref = p0.substring(1);
            if (p0.charAt(0) == '+' && MultilineLimits.CAP.equals(m.param(1))) {
                if (open.size() < MAX_OPEN) open.put(ref, new Open(m, new ArrayList<>()));
                return null;
            }
            if (p0.charAt(0) == '-' && open.containsKey(ref)) return combined(open.remove(ref));
            return m;
        }
        Open in = open.get(m.tags().get("batch"));
        if (in == null) return m;
        if (in.lines.size() < MAX_LINES
                && (m.command().equals("PRIVMSG") || m.command().equals("NOTICE"))) in.lines.add(m);
        return null;
    }

    /** The message's text with its line breaks: "\n" between the lines of a multiline one. */
    static String text(Message m) {
        String text = m.param(1);
        return text == null || !m.tags().containsKey(TAG) ? text : text.replace(BREAK, '\n');
    }

    private static Message combined(Open o) {
        if (o.lines.isEmpty()) return null;
        Message first = o.lines.get(0);
        StringBuilder text = new StringBuilder();
        for (Message line : o.lines) {
            if (line != first && !line.tags().containsKey(MultilineMessages.CONCAT)) text.append(BREAK);
            text.append(line.param(1) == null ? "" : line.param(1).replace(BREAK, ' '));
        }
        Map<String, String> tags = new LinkedHashMap<>(first.tags());
        tags.remove("batch");
        tags.remove(MultilineMessages.CONCAT);
        tags.putAll(o.start.tags()); // the batch's msgid, time, account, label; the batch it is nested in
        tags.put(TAG, "");
        String target = o.start.param(2) != null ? o.start.param(2) : first.param(0);
        String prefix = o.start.prefix() != null ? o.start.prefix() : first.prefix();
        return Message.create(tags, prefix, first.command(), List.of(target, text.toString()), true);
    }
}

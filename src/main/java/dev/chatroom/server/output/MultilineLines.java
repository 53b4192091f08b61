package dev.chatroom.server.output;

import dev.chatroom.irc.Message;
import dev.chatroom.store.MultilineText;
import java.util.List;
import java.util.Map;

/**
 * A multiline message (draft/multiline) as it goes on the wire, in either form: who said it to
 * whom, its lines as they were sent, and the tags that go with it. Live ({@link
 * MultilineBroadcast}) and from history ({@link HistoryLines}) alike.
 */
record MultilineLines(
        String source,
        String target,
        List<MultilineText.Line> lines,
        long timeMillis,
        String msgid,
        String account,
        boolean bot,
        Map<String, String> clientTags) {

    /** The batch form, its reference ref: the tags on the opening line, only batch and concat on the lines. */
    void appendBatch(StringBuilder sb, String ref, int variant) {
        Message open = Message.of(source, "BATCH", "+" + ref, "draft/multiline", target);
        Wire.append(sb, open, timeMillis, msgid, account, bot, clientTags, variant);
        for (MultilineText.Line l : lines) {
            sb.append("@batch=").append(ref);
            if (l.concat()) sb.append(';').append(MultilineText.CONCAT);
            sb.append(' ');
            Wire.appendBody(sb, Message.trailing(source, "PRIVMSG", target, l.text()));
            sb.append("\r\n");
        }
        Wire.appendBody(sb, Message.of(source, "BATCH", "-" + ref));
        sb.append("\r\n");
    }

    /** The plain form: the non-blank lines, the msgid on the first only, the other tags on each. */
    void appendPlain(StringBuilder sb, int variant) {
        boolean first = true;
        for (MultilineText.Line l : lines) {
            if (l.text().isEmpty()) continue;
            Message m = Message.trailing(source, "PRIVMSG", target, l.text());
            Wire.append(sb, m, timeMillis, first ? msgid : null, account, bot, clientTags, variant);
            first = false;
        }
    }
}

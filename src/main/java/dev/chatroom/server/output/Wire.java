package dev.chatroom.server.output;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Message;
import dev.chatroom.irc.Utf8;
import dev.chatroom.server.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * How a message is written for one recipient: which tags it gets depends on what that
 * recipient negotiated. Recipients fall into a few variants, so fan-out encodes once per variant.
 */
final class Wire {
    static final int SERVER_TIME = 1;
    static final int MESSAGE_TAGS = 2;
    static final int ACCOUNT_TAG = 4;
    static final int VARIANTS = 8;

    private static final DateTimeFormatter SERVER_TIME_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Wire() {}

    static int variant(Connection c) {
        return (c.has(Capability.SERVER_TIME) ? SERVER_TIME : 0)
                | (c.has(Capability.MESSAGE_TAGS) ? MESSAGE_TAGS : 0)
                | (c.has(Capability.ACCOUNT_TAG) ? ACCOUNT_TAG : 0);
    }

    static String serverTime(long millis) {
        return SERVER_TIME_FORMAT.format(Instant.ofEpochMilli(millis));
    }

    /** Bytes a line may have without its tag section and CRLF (RFC 1459: 512 with CRLF). */
    static final int MAX_BODY = 510;

    /**
     * Appends the message without tags, cut to {@link #MAX_BODY} bytes of UTF-8 if it is longer:
     * a relayed text with a long prefix in front of it loses its end, never a character's half.
     */
    static void appendBody(StringBuilder sb, Message m) {
        int start = sb.length();
        m.appendWithoutTags(sb);
        if (sb.length() - start <= MAX_BODY / 3) return; // three bytes per char at most: it fits
        int excess = Utf8.length(sb.subSequence(start, sb.length())) - MAX_BODY;
        int end = sb.length();
        while (excess > 0 && end > start) {
            char c = sb.charAt(end - 1);
            int n = Character.isLowSurrogate(c) && end - 2 >= start && Character.isHighSurrogate(sb.charAt(end - 2))
                    ? 2
                    : 1;
            excess -= n == 2 ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            end -= n;
        }
        sb.setLength(end);
    }

    /**
     * A word echoed back in a reply's middle parameters (a nick, a channel, a command someone
     * sent): it may not be empty, contain a space or start with ':', or the reply would not parse.
     */
    static String word(String s) {
        if (s == null || s.isEmpty() || s.charAt(0) == ':' || s.indexOf(' ') >= 0) return "*";
        return s;
    }

    /**
     * Appends the message with the tags the variant gets (msgid and account may be null; bot: its
     * source is a bot, which message-tags recipients learn from the valueless bot tag), and CRLF.
     */
    static void append(
            StringBuilder sb,
            Message m,
            long timeMillis,
            String msgid,
            String account,
            boolean bot,
            Map<String, String> clientTags,
            int variant) {
        boolean time = (variant & SERVER_TIME) != 0;
        boolean id = (variant & MESSAGE_TAGS) != 0 && msgid != null;
        boolean acct = (variant & ACCOUNT_TAG) != 0 && account != null;
        boolean botTag = (variant & MESSAGE_TAGS) != 0 && bot;
        boolean tags = (variant & MESSAGE_TAGS) != 0 && !clientTags.isEmpty();
        if (time || id || acct || botTag || tags) {
            sb.append('@');
            boolean first = true;
            if (time) {
                sb.append("time=").append(serverTime(timeMillis));
                first = false;
            }
            if (id) {
                if (!first) sb.append(';');
                sb.append("msgid=").append(msgid);
                first = false;
            }
            if (acct) {
                if (!first) sb.append(';');
                sb.append("account=").append(Message.escapeTagValue(account)); // a nick may hold a backslash
                first = false;
            }
            if (botTag) {
                if (!first) sb.append(';');
                sb.append("bot");
                first = false;
            }
            if (tags) {
                if (!first) sb.append(';');
                Message.appendTags(sb, clientTags);
            }
            sb.append(' ');
        }
        appendBody(sb, m);
        sb.append("\r\n");
    }
}

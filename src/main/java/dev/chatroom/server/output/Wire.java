package dev.chatroom.server.output;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Message;
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
    static final int VARIANTS = 4;

    private static final DateTimeFormatter SERVER_TIME_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Wire() {}

    static int variant(Connection c) {
        return (c.has(Capability.SERVER_TIME) ? SERVER_TIME : 0) | (c.has(Capability.MESSAGE_TAGS) ? MESSAGE_TAGS : 0);
    }

    static String serverTime(long millis) {
        return SERVER_TIME_FORMAT.format(Instant.ofEpochMilli(millis));
    }

    /** Appends the message with the tags the variant gets, and CRLF. */
    static void append(StringBuilder sb, Message m, long timeMillis, Map<String, String> clientTags, int variant) {
        boolean time = (variant & SERVER_TIME) != 0;
        boolean tags = (variant & MESSAGE_TAGS) != 0 && !clientTags.isEmpty();
        if (time || tags) {
            sb.append('@');
            if (time) sb.append("time=").append(serverTime(timeMillis));
            if (tags) {
                if (time) sb.append(';');
                Message.appendTags(sb, clientTags);
            }
            sb.append(' ');
        }
        m.appendWithoutTags(sb);
        sb.append("\r\n");
    }
}

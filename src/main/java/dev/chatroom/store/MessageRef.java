package dev.chatroom.store;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A point in a conversation as CHATHISTORY names it: {@code msgid=...}, {@code timestamp=...}
 * or {@code *} (no point: the latest end).
 */
public record MessageRef(String msgid, long timeMillis) {
    public static final MessageRef NONE = new MessageRef(null, -1);

    public static MessageRef msgid(String id) {
        return new MessageRef(id, -1);
    }

    public static MessageRef time(long millis) {
        return new MessageRef(null, millis);
    }

    public boolean isNone() {
        return msgid == null && timeMillis < 0;
    }

    /** "*", "msgid=x" or "timestamp=2026-12-02T10:00:00.000Z"; null when it is none of these. */
    public static MessageRef parse(String s) {
        if (s == null) return null;
        if (s.equals("*")) return NONE;
        if (s.startsWith("msgid=") && s.length() > 6) return msgid(s.substring(6));
        if (s.startsWith("timestamp=")) {
            try {
                return time(Instant.parse(s.substring(10)).toEpochMilli());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}

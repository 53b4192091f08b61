package dev.chatroom.log;

import java.time.Instant;
import java.util.Map;

/**
 * An event as one JSON object on one line: {@code time}, {@code level}, {@code event}, its fields in the order they
 * were given, and {@code msg}, the sentence. Escaped so that every line parses and none can drive the terminal of
 * someone tailing the file: quotes, backslashes, control characters (C0 and C1), line and paragraph separators and
 * the bidirectional controls are written as escapes, and a lone surrogate (no character at all) as U+FFFD.
 */
final class JsonLine {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonLine() {}

    static String of(Event e, Instant time) {
        StringBuilder sb = new StringBuilder(160);
        sb.append("{\"time\":\"")
                .append(time)
                .append("\",\"level\":\"")
                .append(e.level().key());
        sb.append("\",\"event\":");
        string(sb, e.name());
        for (Map.Entry<String, Object> f : e.fields().entrySet()) {
            sb.append(',');
            string(sb, f.getKey());
            sb.append(':');
            value(sb, f.getValue());
        }
        sb.append(",\"msg\":");
        string(sb, e.text());
        return sb.append('}').toString();
    }

    private static void value(StringBuilder sb, Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) sb.append(v);
        else if (v instanceof Boolean) sb.append(v);
        else string(sb, String.valueOf(v));
    }

    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isHighSurrogate(c)
                            && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        sb.append("\\ufffd");
                    } else if (escaped(c)) {
                        sb.append("\\u")
                                .append(HEX[c >> 12])
                                .append(HEX[(c >> 8) & 15])
                                .append(HEX[(c >> 4) & 15])
                                .append(HEX[c & 15]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** What a terminal would act on rather than show (the characters irc.Sanitizer removes from text lines). */
    private static boolean escaped(char c) {
        return c < 0x20
                || (c >= 0x7f && c <= 0x9f)
                || c == '\u2028'
                || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200e'
                || c == '\u200f'
                || c == '\u061c';
    }
}

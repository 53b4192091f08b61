package dev.chatroom.irc;

/** Lengths and cuts in UTF-8 bytes, the unit of IRC's limits, never splitting a character. */
public final class Utf8 {
    private Utf8() {}

    public static int length(CharSequence s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    /** The longest start of s that fits in maxBytes of UTF-8; s itself when it fits. */
    public static String truncate(String s, int maxBytes) {
        if (s.length() * 3 <= maxBytes) return s;
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + n > maxBytes) return s.substring(0, i);
            bytes += n;
            i += Character.charCount(cp);
        }
        return s;
    }
}

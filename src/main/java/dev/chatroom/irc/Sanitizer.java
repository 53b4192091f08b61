package dev.chatroom.irc;

/**
 * Makes remote text safe to print: removes every escape sequence (CSI, OSC, DCS and the rest)
 * and every control character except the mIRC formatting codes (which {@link Formatting} turns
 * into our own ANSI), plus C1 controls and the bidirectional overrides that can disguise text.
 * Printable Unicode, emoji and zero-width joiners stay.
 */
public final class Sanitizer {
    private static final char ESC = '\u001b';
    private static final char BEL = '\u0007';

    private Sanitizer() {}

    /**
     * Text made harmless for a terminal or a log file someone will tail: every escape sequence,
     * control character and mIRC code removed, line by line (newlines kept).
     */
    public static String forTerminal(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        for (String part : text.split("\n", -1)) {
            if (safe.length() > 0) safe.append('\n');
            safe.append(Formatting.strip(clean(part)));
        }
        return safe.toString();
    }

    public static String clean(String s) {
        StringBuilder out = null;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            int skipTo = -1;
            String replacement = null;
            if (c == ESC) {
                skipTo = endOfEscape(s, i);
            } else if (c == '\u009b') { // 8-bit CSI
                skipTo = endOfCsi(s, i + 1);
            } else if (c == '\u009d'
                    || c == '\u0090'
                    || c == '\u0098'
                    || c == '\u009e'
                    || c == '\u009f') { // 8-bit OSC, DCS, SOS, PM, APC
                skipTo = endOfString(s, i + 1);
            } else if (c == '\t') {
                replacement = " ";
            } else if (c == '\u2028' || c == '\u2029') {
                replacement = " ";
            } else if (!allowed(c)) {
                replacement = "";
            }
            if (skipTo < 0 && replacement == null) {
                if (out != null) out.append(c);
                continue;
            }
            if (out == null) {
                out = new StringBuilder(len);
                out.append(s, 0, i);
            }
            if (replacement != null) {
                out.append(replacement);
            } else {
                i = skipTo - 1;
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean allowed(char c) {
        if (c < 0x20) {
            return c == Colors.BOLD
                    || c == Colors.COLOR
                    || c == Colors.HEX_COLOR
                    || c == Colors.RESET
                    || c == Colors.REVERSE
                    || c == Colors.ITALIC
                    || c == Colors.UNDERLINE
                    || c == Colors.STRIKETHROUGH
                    || c == Colors.MONOSPACE;
        }
        if (c == 0x7f || (c >= 0x80 && c <= 0x9f)) return false;
        // Bidirectional embeddings, overrides and isolates, and the marks: they reorder what is shown.
        if ((c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200e'
                || c == '\u200f'
                || c == '\u061c') {
            return false;
        }
        return true;
    }

    /** Index after the escape sequence starting with ESC at i. */
    private static int endOfEscape(String s, int i) {
        if (i + 1 >= s.length()) return i + 1;
        char next = s.charAt(i + 1);
        return switch (next) {
            case '[' -> endOfCsi(s, i + 2);
            case ']', 'P', 'X', '^', '_' -> endOfString(s, i + 2);
            default -> {
                // ESC, intermediates (0x20-0x2F), then one final character
                int j = i + 1;
                while (j < s.length() && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x2f) j++;
                yield Math.min(j + 1, s.length());
            }
        };
    }

    /** CSI: parameters and intermediates (0x20-0x3F), then a final byte 0x40-0x7E. */
    private static int endOfCsi(String s, int j) {
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c >= 0x40 && c <= 0x7e) return j + 1;
            if (c < 0x20 || c > 0x3f) return j; // malformed: the sequence ends before this character
            j++;
        }
        return j;
    }

    /** OSC/DCS/SOS/PM/APC: until BEL, ST (ESC \) or the 8-bit ST. */
    private static int endOfString(String s, int j) {
        while (j < s.length()) {
            char c = s.charAt(j++);
            if (c == BEL || c == '\u009c') return j;
            if (c == ESC) return j < s.length() && s.charAt(j) == '\\' ? j + 1 : j;
        }
        return j;
    }
}

package dev.chatroom.irc;

/** mIRC formatting codes turned into ANSI SGR sequences, or removed for plain output. */
public final class Formatting {
    public static final String SGR_RESET = "\u001b[0m";

    private Formatting() {}

    /** Removes every mIRC formatting code (and the color numbers that follow \x03). */
    public static String strip(String s) {
        return convert(s, false, "");
    }

    /**
     * Renders mIRC formatting as ANSI. {@code base} is the SGR the surrounding line uses (may be
     * empty); it is restored after a reset and at the end, so a message cannot leak its colors.
     */
    public static String toAnsi(String s, String base) {
        return convert(s, true, base);
    }

    private static String convert(String s, boolean ansi, String base) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        boolean bold = false;
        boolean italic = false;
        boolean underline = false;
        boolean reverse = false;
        boolean strike = false;
        int fg = -1;
        int bg = -1;
        boolean styled = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean changed = true;
            switch (c) {
                case Colors.BOLD -> bold = !bold;
                case Colors.ITALIC -> italic = !italic;
                case Colors.UNDERLINE -> underline = !underline;
                case Colors.REVERSE -> reverse = !reverse;
                case Colors.STRIKETHROUGH -> strike = !strike;
                case Colors.MONOSPACE -> changed = false;
                case Colors.RESET -> {
                    bold = italic = underline = reverse = strike = false;
                    fg = bg = -1;
                }
                case Colors.COLOR -> {
                    int[] parsed = new int[] {-1, -1};
                    i = parseColor(s, i + 1, parsed) - 1;
                    if (parsed[0] < 0) {
                        fg = bg = -1;
                    } else {
                        fg = parsed[0];
                        if (parsed[1] >= 0) bg = parsed[1];
                    }
                }
                case Colors.HEX_COLOR -> {
                    i = skipHexColor(s, i + 1) - 1; // 24-bit colors are dropped, the text stays
                    changed = false;
                }
                default -> {
                    out.append(c);
                    changed = false;
                }
            }
            if (changed && ansi) {
                out.append(SGR_RESET).append(base).append(sgr(bold, italic, underline, reverse, strike, fg, bg));
                styled = true;
            }
        }
        if (ansi && styled) out.append(SGR_RESET).append(base);
        return out.toString();
    }

    /** Parses "\x03" followed by up to two digits, optionally ",<up to two digits>". Returns the index after. */
    private static int parseColor(String s, int i, int[] fgBg) {
        int j = i;
        int fg = 0;
        int digits = 0;
        while (j < s.length() && digits < 2 && Character.isDigit(s.charAt(j))) {
            fg = fg * 10 + (s.charAt(j++) - '0');
            digits++;
        }
        if (digits == 0) return j;
        fgBg[0] = fg;
        if (j + 1 < s.length() && s.charAt(j) == ',' && Character.isDigit(s.charAt(j + 1))) {
            int k = j + 1;
            int bg = 0;
            int bgDigits = 0;
            while (k < s.length() && bgDigits < 2 && Character.isDigit(s.charAt(k))) {
                bg = bg * 10 + (s.charAt(k++) - '0');
                bgDigits++;
            }
            fgBg[1] = bg;
            j = k;
        }
        return j;
    }

    private static int skipHexColor(String s, int i) {
        int j = i;
        int n = 0;
        while (j < s.length() && n < 6 && Character.digit(s.charAt(j), 16) >= 0) {
            j++;
            n++;
        }
        if (n == 6 && j + 1 < s.length() && s.charAt(j) == ',') {
            int k = j + 1;
            int m = 0;
            while (k < s.length() && m < 6 && Character.digit(s.charAt(k), 16) >= 0) {
                k++;
                m++;
            }
            if (m == 6) j = k;
        }
        return j;
    }

    private static String sgr(
            boolean bold, boolean italic, boolean underline, boolean reverse, boolean strike, int fg, int bg) {
        StringBuilder p = new StringBuilder();
        if (bold) p.append(";1");
        if (italic) p.append(";3");
        if (underline) p.append(";4");
        if (reverse) p.append(";7");
        if (strike) p.append(";9");
        int f = Colors.ansiForeground(fg);
        if (f >= 0) p.append(';').append(f);
        int b = Colors.ansiBackground(bg);
        if (b >= 0) p.append(';').append(b);
        return p.length() == 0 ? "" : "\u001b[" + p.substring(1) + "m";
    }
}

package dev.chatroom.irc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/** mIRC formatting: color names to codes, the control characters, and the ANSI equivalents of the 16 colors. */
public final class Colors {
    public static final char BOLD = '\u0002';
    public static final char COLOR = '\u0003';
    public static final char MONOSPACE = '\u0011';
    public static final char REVERSE = '\u0016';
    public static final char ITALIC = '\u001D';
    public static final char STRIKETHROUGH = '\u001E';
    public static final char UNDERLINE = '\u001F';
    public static final char RESET = '\u000F';
    /** Hex colors: {@code \x04RRGGBB[,RRGGBB]}. */
    public static final char HEX_COLOR = '\u0004';

    /** The 16 standard colors by their usual names, in code order. */
    private static final String[] NAMES = {
        "white", "black", "blue", "green", "red", "brown", "magenta", "orange",
        "yellow", "lightgreen", "cyan", "lightcyan", "lightblue", "pink", "grey", "lightgrey"
    };

    /** Other spellings people type; "megenta" is the original chat room's. */
    private static final Map<String, Integer> ALIASES = Map.ofEntries(
            Map.entry("megenta", 6),
            Map.entry("purple", 6),
            Map.entry("navy", 2),
            Map.entry("maroon", 5),
            Map.entry("lime", 9),
            Map.entry("teal", 10),
            Map.entry("aqua", 11),
            Map.entry("gray", 14),
            Map.entry("lightgray", 15),
            Map.entry("silver", 15),
            Map.entry("fuchsia", 13));

    /** ANSI SGR foreground code for each mIRC color 0-15. */
    private static final int[] ANSI_FG = {97, 30, 34, 32, 91, 31, 35, 33, 93, 92, 36, 96, 94, 95, 90, 37};

    private static final Map<String, Integer> BY_NAME;

    static {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.length; i++) m.put(NAMES[i], i);
        m.putAll(ALIASES);
        BY_NAME = Collections.unmodifiableMap(m);
    }

    private Colors() {}

    /** The mIRC code of a color name (case-insensitive, aliases included). */
    public static OptionalInt code(String name) {
        Integer c = BY_NAME.get(name.toLowerCase(Locale.ROOT));
        return c == null ? OptionalInt.empty() : OptionalInt.of(c);
    }

    /** The 16 names, in code order. */
    public static List<String> names() {
        return List.of(NAMES);
    }

    /** Every accepted name, aliases included (for completion). */
    public static List<String> allNames() {
        return new ArrayList<>(BY_NAME.keySet());
    }

    /** Text in a color, then reset: two digits always, so text starting with a digit stays text. */
    public static String colorize(int code, String text) {
        return COLOR + String.format("%02d", code) + text + RESET;
    }

    /** The ANSI SGR foreground parameter for a mIRC color 0-15, or -1 for others. */
    public static int ansiForeground(int code) {
        return code >= 0 && code < ANSI_FG.length ? ANSI_FG[code] : -1;
    }

    /** The ANSI SGR background parameter for a mIRC color 0-15, or -1 for others. */
    public static int ansiBackground(int code) {
        int fg = ansiForeground(code);
        return fg < 0 ? -1 : fg + 10;
    }
}

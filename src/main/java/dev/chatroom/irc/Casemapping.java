package dev.chatroom.irc;

/**
 * The rfc1459 casemapping announced in ISUPPORT: ASCII letters plus {@code []\~}, which are the
 * upper-case forms of {@code {}|^}. Two nicks or channel names are the same when their folds are equal.
 */
public final class Casemapping {
    public static final String NAME = "rfc1459";

    private Casemapping() {}

    public static String fold(String s) {
        char[] out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char f = fold(c);
            if (f != c && out == null) out = s.toCharArray();
            if (out != null) out[i] = f;
        }
        return out == null ? s : new String(out);
    }

    static char fold(char c) {
        if (c >= 'A' && c <= 'Z') return (char) (c + 32);
        return switch (c) {
            case '[' -> '{';
            case ']' -> '}';
            case '\\' -> '|';
            case '~' -> '^';
            default -> c;
        };
    }

    public static boolean equals(String a, String b) {
        return fold(a).equals(fold(b));
    }
}

package dev.chatroom.server;

/**
 * The user modes, the one table of them: MODE, 221, 004 and the cluster's USER events read it.
 * A user sets +i, +w and +B (and their opposites) on themself; +o comes only from OPER, and anyone
 * may drop it (RFC 2812 3.1.5: a MODE +o from the user is ignored).
 */
public enum UserMode {
    /** WHO masks do not find them unless they share a room. */
    INVISIBLE('i', true),
    /** An IRC operator: approves and rejects joins, runs console commands, KILL, WALLOPS, MODE on any room. */
    OPERATOR('o', false),
    /** Receives WALLOPS (operators receive them anyway). */
    WALLOPS('w', true),
    /**
     * A bot (IRCv3 bot-mode, ISUPPORT BOT=B): 335 in WHOIS, B in WHO's flags, and the bot tag on
     * what it says and does for those who negotiated message-tags.
     */
    BOT('B', true);

    /** Every letter, in the table's order, as 004 lists them. */
    public static final String LETTERS;

    static {
        StringBuilder letters = new StringBuilder();
        for (UserMode m : values()) letters.append(m.letter);
        LETTERS = letters.toString();
    }

    private final char letter;
    private final boolean selfSet;

    UserMode(char letter, boolean selfSet) {
        this.letter = letter;
        this.selfSet = selfSet;
    }

    public char letter() {
        return letter;
    }

    /** Whether a user's own MODE may make this change: either way for +i, +w and +B, only taking +o away. */
    public boolean mayChange(boolean adding) {
        return selfSet || !adding;
    }

    /** The mode of a letter, or null. */
    public static UserMode of(char letter) {
        for (UserMode m : values()) if (m.letter == letter) return m;
        return null;
    }

    /** What 221 shows: "+" and the letters set ("+iw"). */
    public static String describe(Connection c) {
        StringBuilder out = new StringBuilder("+");
        for (UserMode m : values()) if (c.has(m)) out.append(m.letter);
        return out.toString();
    }
}

package dev.chatroom.server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Every channel mode this server knows, written once: its letter, its kind and what it means (as
 * ergo's SupportedChannelModes). ISUPPORT CHANMODES and PREFIX, the two lists of 004, which
 * letters of a MODE line take a parameter, how a room keeps each mode and how a member's status
 * is shown are all read from this table, so a new mode is one row here plus what it does.
 */
public enum ChannelMode {
    // Member statuses come first, highest first: PREFIX lists them in this order, NAMES shows the highest,
    // and their ordinals are the bits a membership keeps them in.
    OPERATOR('o', Kind.STATUS, '@', "channel operator: may change the modes, kick, invite and set a locked topic"),
    VOICE('v', Kind.STATUS, '+', "voice: may speak in a moderated room"),
    BAN('b', Kind.LIST, "ban: whoever matches a mask may neither join nor speak"),
    KEY(
            'k',
            Kind.SETTING,
            "key: joining takes this word",
            ChannelMode::validKey,
            "Invalid key (1-" + RoomModes.KEY_MAX + " characters, no spaces or commas)"),
    // as other servers do, an invalid limit is ignored without a word
    LIMIT('l', Kind.SETTING_SET_ONLY, "limit: no one joins beyond this many members", ChannelMode::validLimit, null),
    INVITE_ONLY('i', Kind.FLAG, "invite only: joining takes an operator's invitation"),
    MODERATED('m', Kind.FLAG, "moderated: only operators and voiced members speak"),
    NO_EXTERNAL_MESSAGES('n', Kind.FLAG, "no external messages: only members speak"),
    SECRET('s', Kind.FLAG, "secret: outsiders do not see the room in LIST, NAMES, WHO or WHOIS"),
    TOPIC_LOCK('t', Kind.FLAG, "topic lock: only operators set the topic");

    /** How a mode takes its parameter; the first four are ISUPPORT CHANMODES' types A to D, in that order. */
    public enum Kind {
        /** A list of masks (type A): a parameter to add or remove one; none to see the list. */
        LIST,
        /** A setting with a parameter both to set and to unset it (type B). */
        SETTING,
        /** A setting with a parameter only to set it (type C). */
        SETTING_SET_ONLY,
        /** On or off, never a parameter (type D). */
        FLAG,
        /** A member's status, the member's nick its parameter, shown as a prefix to the nick (ISUPPORT PREFIX). */
        STATUS
    }

    /** ISUPPORT CHANMODES: the letters of each type A to D, comma-separated ("b,k,l,imnst"). */
    public static final String CHANMODES;
    /** 004's channel modes: every letter ("biklmnostv"). */
    public static final String LETTERS;
    /** 004's channel modes with a parameter ("bklov"). */
    public static final String LETTERS_WITH_PARAMETER;
    /** ISUPPORT PREFIX: the status letters, then their prefixes ("(ov)@+"). */
    public static final String PREFIX;

    private static final List<ChannelMode> STATUSES;
    private static final ChannelMode[] BY_LETTER = new ChannelMode[128];

    static {
        List<String> types = new ArrayList<>();
        for (Kind k : List.of(Kind.LIST, Kind.SETTING, Kind.SETTING_SET_ONLY, Kind.FLAG)) types.add(letters(k));
        CHANMODES = String.join(",", types);
        LETTERS = sorted(values());
        LETTERS_WITH_PARAMETER =
                sorted(Arrays.stream(values()).filter(m -> m.kind != Kind.FLAG).toArray(ChannelMode[]::new));
        STATUSES = Arrays.stream(values()).filter(m -> m.kind == Kind.STATUS).toList();
        StringBuilder letters = new StringBuilder("(");
        StringBuilder prefixes = new StringBuilder();
        for (ChannelMode s : STATUSES) {
            if (s.ordinal() >= 7)
                throw new IllegalStateException("statuses come first, at most 7: a membership keeps them in a byte");
            letters.append(s.letter);
            prefixes.append(s.prefix);
        }
        PREFIX = letters + ")" + prefixes;
        for (ChannelMode m : values()) {
            if (BY_LETTER[m.letter] != null) throw new IllegalStateException("two modes are " + m.letter);
            BY_LETTER[m.letter] = m;
        }
    }

    private final char letter;
    private final Kind kind;
    private final char prefix;
    private final String meaning;
    private final UnaryOperator<String> parameter;
    private final String invalid;

    ChannelMode(char letter, Kind kind, String meaning) {
        this(letter, kind, '\0', meaning, null, null);
    }

    ChannelMode(char letter, Kind kind, char prefix, String meaning) {
        this(letter, kind, prefix, meaning, null, null);
    }

    ChannelMode(char letter, Kind kind, String meaning, UnaryOperator<String> parameter, String invalid) {
        this(letter, kind, '\0', meaning, parameter, invalid);
    }

    ChannelMode(char letter, Kind kind, char prefix, String meaning, UnaryOperator<String> parameter, String invalid) {
        this.letter = letter;
        this.kind = kind;
        this.prefix = prefix;
        this.meaning = meaning;
        this.parameter = parameter;
        this.invalid = invalid;
    }

    /** The mode with this letter; null when there is none. */
    public static ChannelMode of(char letter) {
        return letter < BY_LETTER.length ? BY_LETTER[letter] : null;
    }

    /** The member statuses, highest first. */
    public static List<ChannelMode> statuses() {
        return STATUSES;
    }

    public char letter() {
        return letter;
    }

    public Kind kind() {
        return kind;
    }

    /** What the mode does, in a few words for people. */
    public String meaning() {
        return meaning;
    }

    /** A status's prefix to a nick in NAMES and WHO ('@'). */
    public char prefix() {
        return prefix;
    }

    /** Whether this letter takes the next parameter of a MODE line when it is added (or removed). */
    public boolean takesParameter(boolean adding) {
        return switch (kind) {
            case LIST, SETTING, STATUS -> true;
            case SETTING_SET_ONLY -> adding;
            case FLAG -> false;
        };
    }

    /** A setting's value as it is kept, from the parameter given: null when it cannot be one. */
    public String settingValue(String given) {
        return given == null ? null : parameter.apply(given);
    }

    /** What an invalid setting is answered with (696); null when it is ignored without a word. */
    public String invalidSetting() {
        return invalid;
    }

    /** The bit a membership keeps this status in. */
    int statusBit() {
        if (kind != Kind.STATUS) throw new IllegalArgumentException(this + " is not a member's status");
        return 1 << ordinal();
    }

    /**
     * A key as it may be set: 1-32 characters, none of them a space, comma, colon or control
     * character (it travels as a JOIN parameter). Null when it cannot be a key.
     */
    private static String validKey(String k) {
        if (k.isEmpty() || k.length() > RoomModes.KEY_MAX || k.charAt(0) == ':') return null;
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (c <= ' ' || c == ',' || c == 0x7f) return null;
        }
        return k;
    }

    /** A limit: a whole number from 1, written without leading zeros. */
    private static String validLimit(String v) {
        if (v.isEmpty() || v.length() > 9) return null;
        for (int i = 0; i < v.length(); i++) if (v.charAt(i) < '0' || v.charAt(i) > '9') return null;
        int n = Integer.parseInt(v);
        return n > 0 ? Integer.toString(n) : null;
    }

    private static String letters(Kind kind) {
        return sorted(Arrays.stream(values()).filter(m -> m.kind == kind).toArray(ChannelMode[]::new));
    }

    /** The letters in alphabetical order, as servers list them. */
    private static String sorted(ChannelMode[] modes) {
        char[] letters = new char[modes.length];
        for (int i = 0; i < modes.length; i++) letters[i] = modes[i].letter;
        Arrays.sort(letters);
        return new String(letters);
    }
}

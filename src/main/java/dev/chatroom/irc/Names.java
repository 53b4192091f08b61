package dev.chatroom.irc;

/** What makes a nick or a channel name valid on this server. */
public final class Names {
    public static final int NICK_MAX = 30;
    public static final int CHANNEL_MAX = 50;
    public static final int USER_MAX = 10;
    /** Limits in UTF-8 bytes, as ISUPPORT advertises them (TOPICLEN, AWAYLEN, KICKLEN). */
    public static final int TOPIC_MAX = 390;

    public static final int AWAY_MAX = 200;
    public static final int KICK_MAX = 390;
    /** Rooms one client may be in at once (ISUPPORT CHANLIMIT). */
    public static final int ROOMS_PER_CLIENT = 50;

    public static final int REALNAME_MAX = 100;
    /** Targets one PRIVMSG or NOTICE may name (ISUPPORT MAXTARGETS). */
    public static final int MAX_TARGETS = 4;

    public static final String NICK_SPECIALS = "-_[]\\`^{}|";

    /** The admin console's name ({@code ssh admin@host}), which no one in the chat may take. */
    public static final String ADMIN = "admin";

    private Names() {}

    /** The admin console's name, in any case: refused as a nick. */
    public static boolean isAdmin(String nick) {
        return Casemapping.equals(nick, ADMIN);
    }

    /** 1-30 ASCII letters, digits and {@code -_[]\`^{}|}, not starting with a digit or '-'. */
    public static boolean isValidNick(String nick) {
        if (nick == null || nick.isEmpty() || nick.length() > NICK_MAX) return false;
        char first = nick.charAt(0);
        if ((first >= '0' && first <= '9') || first == '-') return false;
        for (int i = 0; i < nick.length(); i++) {
            char c = nick.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || NICK_SPECIALS.indexOf(c) >= 0;
            if (!ok) return false;
        }
        return true;
    }

    /** '#' then 1-49 characters that are not space, comma, BEL, ':' or a control character. */
    public static boolean isValidChannel(String name) {
        if (name == null || name.length() < 2 || name.length() > CHANNEL_MAX || name.charAt(0) != '#') return false;
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c == ',' || c == ':' || c == 0x7f) return false;
        }
        return true;
    }

    public static boolean isChannel(String target) {
        return target != null && !target.isEmpty() && target.charAt(0) == '#';
    }

    /** A username from USER, cut to size and stripped of characters that would break a prefix. */
    public static String cleanUser(String raw) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.length() && sb.length() < USER_MAX; i++) {
            char c = raw.charAt(i);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-_.[]\\`^{}|".indexOf(c) >= 0) {
                sb.append(c);
            }
        }
        return sb.isEmpty() ? "user" : sb.toString();
    }
}

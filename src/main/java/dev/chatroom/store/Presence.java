package dev.chatroom.store;

import dev.chatroom.irc.Casemapping;
import java.util.Arrays;
import java.util.List;

/**
 * An account's presence as it outlives its connections: whether it is always-on (null: the server's
 * default), and, while it is present with no device (always-on), what a restart brings back: its
 * nick, user, realname, the host others saw, its away message and its rooms. Its {@link #text() text
 * form} is written once here: both stores keep it as it is.
 */
public record Presence(
        String account,
        Boolean alwaysOn,
        String nick,
        String user,
        String realname,
        String host,
        String away,
        List<String> rooms) {
    private static final String VERSION = "1";
    private static final int FIELDS = 8;

    public Presence {
        rooms = rooms == null ? List.of() : List.copyOf(rooms);
    }

    /** Only the choice, nothing present to bring back. */
    public static Presence choice(String account, Boolean alwaysOn) {
        return new Presence(account, alwaysOn, null, null, null, null, null, List.of());
    }

    /** The account name as looked up ({@link Account#key()}'s folding). */
    public String key() {
        return Casemapping.fold(account);
    }

    /** Something to bring back at a restart: a person present in rooms. */
    public boolean present() {
        return nick != null;
    }

    public Presence withAlwaysOn(Boolean on) {
        return new Presence(account, on, nick, user, realname, host, away, rooms);
    }

    /** The choice alone: the person is no longer present without a device. */
    public Presence absent() {
        return choice(account, alwaysOn);
    }

    public String text() {
        return Fields.join(Arrays.asList(
                VERSION,
                account,
                alwaysOn == null ? null : Fields.bool(alwaysOn),
                nick,
                user,
                realname,
                host,
                away,
                Fields.list(rooms)));
    }

    /**
     * The presence a {@link #text()} describes.
     *
     * @throws IllegalArgumentException when it is damaged or of an unknown version
     */
    public static Presence parse(String text) {
        List<String> f = Fields.record(text, VERSION, FIELDS);
        List<String> rooms = Fields.unlist(f.get(7));
        return new Presence(
                f.get(0),
                f.get(1) == null ? null : Fields.bool(f.get(1)),
                f.get(2),
                f.get(3),
                f.get(4),
                f.get(5),
                f.get(6),
                rooms);
    }
}

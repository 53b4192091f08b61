package dev.chatroom.client;

import dev.chatroom.irc.Casemapping;
import java.util.Locale;

/**
 * Which messages call the user back to the terminal: at the level chosen (--notify,
 * /notify-level), private messages and mentions of the user's name, or every message, or none;
 * never the user's own, never a muted room's. How the terminal is told is the Ui's business.
 */
public final class Notifications {
    public enum Level {
        /** Every message of others, private or in a room not muted. */
        ALL,
        /** Private messages, and room messages (not muted) with the user's name as a word. */
        MENTIONS,
        NONE;

        /** all, mentions or none, in any case; null for anything else. */
        public static Level parse(String word) {
            for (Level l : values()) if (l.name().equalsIgnoreCase(word.strip())) return l;
            return null;
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What to tell: who and where ("bob in #dev", "bob (private)"), and the message, both plain text. */
    public record Alert(String title, String body) {}

    private final Preferences preferences;
    private volatile Level level;

    public Notifications(Level level, Preferences preferences) {
        this.level = level;
        this.preferences = preferences;
    }

    public Level level() {
        return level;
    }

    public void level(Level l) {
        level = l;
    }

    /** The alert a live message calls for, or null. {@code me}: our nick now (null before we have one). */
    public Alert alertFor(ClientEvent.Chat c, String me) {
        if (level == Level.NONE || me == null || c.from() == null || Casemapping.equals(c.from(), me)) return null;
        boolean forMe = c.room() == null
                ? c.to() != null && Casemapping.equals(c.to(), me)
                : !preferences.muted(c.room()) && (level == Level.ALL || Mentions.mentions(Render.plain(c.text()), me));
        if (!forMe) return null;
        String from = Render.plain(c.from());
        String title = c.room() == null ? from + " (private)" : from + " in " + Render.plain(c.room());
        String text = Render.plain(c.text());
        return new Alert(title, c.action() ? "* " + from + " " + text : text);
    }
}

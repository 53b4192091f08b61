package dev.chatroom.client;

import java.io.IOException;
import java.util.List;

/**
 * The client's own settings: which messages call the user back, the rooms muted, the people
 * ignored, the names watched (/notify); and the commands that change them (/notify-level, /mute-room, /unmute-room, /ignore,
 * /unignore), answered here and never sent to the server.
 */
final class ClientSettings {
    private final Notifications notifications;
    private final Preferences preferences;
    /** /notify's names, sent as MONITOR on every connection. */
    private volatile Watchlist watchlist = Watchlist.inMemory();

    ClientSettings(Notifications.Level level, Preferences preferences) {
        this.notifications = new Notifications(level, preferences);
        this.preferences = preferences;
    }

    /** Private messages and mentions; mutes and ignores for this run only. */
    static ClientSettings defaults() {
        return new ClientSettings(Notifications.Level.MENTIONS, Preferences.inMemory());
    }

    /** Tells the Ui when a live message calls for it; {@code me}: our nick now. */
    void alert(ClientEvent e, String me, Ui ui) {
        if (!(e instanceof ClientEvent.Chat c)) return;
        Notifications.Alert alert = notifications.alertFor(c, me);
        if (alert != null) ui.alert(alert);
    }

    Watchlist watchlist() {
        return watchlist;
    }

    ClientSettings watching(Watchlist w) {
        watchlist = w;
        return this;
    }

    Preferences preferences() {
        return preferences;
    }

    /** The answer to one of the five, or null for any other action. {@code room}: the one on screen. */
    String answer(Action a, String room) {
        if (a instanceof Action.NotifyLevel n) return level(n.level());
        if (a instanceof Action.Mute m) return mute(m.room() == null ? room : m.room(), m.on());
        if (a instanceof Action.Ignore i) return i.nick() == null ? ignoring() : ignore(i.nick(), i.on());
        return null;
    }

    private String level(String word) {
        if (!word.isEmpty()) {
            Notifications.Level l = Notifications.Level.parse(word);
            if (l == null) return "Usage: /notify-level [all|mentions|none]";
            notifications.level(l);
        }
        String what = switch (notifications.level()) {
            case ALL -> "every message";
            case MENTIONS -> "private messages and mentions of your name";
            case NONE -> "none";
        };
        List<String> muted = preferences.mutedRooms();
        return "Notifications (" + notifications.level().word() + "): " + what + "."
                + (muted.isEmpty() ? "" : " Muted: " + names(muted) + ".");
    }

    private String mute(String room, boolean on) {
        if (room == null) return "You are not in a room.";
        if (!room.startsWith("#")) return "Usage: /" + (on ? "" : "un") + "mute-room [#room]";
        String shown = Render.plain(room);
        try {
            if (!preferences.mute(room, on)) return shown + (on ? " is already muted." : " is not muted.");
        } catch (IOException e) {
            return notSaved(e);
        }
        return on ? shown + " is muted: no notifications from it." : shown + " is not muted any more.";
    }

    private String ignore(String nick, boolean on) {
        String shown = Render.plain(nick);
        try {
            if (!preferences.ignore(nick, on)) return shown + (on ? " is already ignored." : " is not ignored.");
        } catch (IOException e) {
            return notSaved(e);
        }
        return on ? "Ignoring " + shown + ": their messages are hidden." : shown + " is not ignored any more.";
    }

    private String ignoring() {
        List<String> nicks = preferences.ignoredNicks();
        return nicks.isEmpty() ? "Ignoring nobody." : "Ignoring " + names(nicks) + ".";
    }

    /** The change holds for this session; the file could not be written. */
    private static String notSaved(IOException e) {
        return "Done for this session, but not saved: " + e.getMessage();
    }

    private static String names(List<String> names) {
        return String.join(", ", names.stream().map(Render::plain).toList());
    }
}

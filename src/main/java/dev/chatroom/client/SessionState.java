package dev.chatroom.client;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Formatting;
import dev.chatroom.irc.Sanitizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the session stands, shared by the network thread, the input thread and the
 * reconnection loop: the phase, the room on screen, unread counts, the rooms to rejoin and the
 * keys used for them. It also writes the status line.
 */
final class SessionState {
    enum Phase {
        CONNECTING,
        WAITING,
        CHATTING,
        RECONNECTING,
        ENDED
    }

    private volatile Phase phase = Phase.CONNECTING;
    private volatile String current;
    private volatile String home;
    private volatile boolean everAccepted;
    private volatile String retryText = "";
    private final Unread unread = new Unread();
    private final Map<String, String> keys = new HashMap<>();
    private List<String> remembered = List.of();
    /** Who is typing, for the status line. */
    final Typists typists;

    /** redraw: the status line again (someone's typing ran out). */
    SessionState(Runnable redraw) {
        typists = new Typists(System::currentTimeMillis, redraw);
    }

    synchronized Phase phase() {
        return phase;
    }

    synchronized void phase(Phase p) {
        phase = p;
    }

    String current() {
        return current;
    }

    String home() {
        return home;
    }

    boolean everAccepted() {
        return everAccepted;
    }

    void retryText(String t) {
        retryText = t;
    }

    synchronized void accepted(ChatClient c) {
        everAccepted = true;
        phase = Phase.CHATTING;
        home = c.room();
        if (current == null || !remembered.contains(current)) current = c.room();
    }

    synchronized void current(String room) {
        current = room;
        unread.clear(room);
    }

    synchronized void rememberKey(String room, String key) {
        if (key != null) keys.put(Casemapping.fold(room), key);
    }

    synchronized String key(String room) {
        return keys.get(Casemapping.fold(room));
    }

    /** The rooms we were in when the connection ended. */
    synchronized void remember(List<String> rooms) {
        remembered = List.copyOf(rooms);
    }

    synchronized List<String> remembered() {
        return remembered;
    }

    /** After reconnecting: every remembered room but the default one, which the server joins us to. */
    synchronized List<String> roomsToRejoin() {
        List<String> out = new ArrayList<>();
        for (String r : remembered) if (home == null || !Casemapping.equals(r, home)) out.add(r);
        return out;
    }

    /**
     * Counts unread messages of rooms not on screen: live ones, and those of history after the
     * read marker; a marker moved (another device read the room) takes away what it covers. Notes
     * our own leaving.
     */
    synchronized void seen(ClientEvent e, ChatClient c) {
        typists.seen(e);
        if (e instanceof ClientEvent.Chat chat && chat.room() != null && !onScreen(chat.room()))
            unread.add(chat.room(), chat.time());
        if (e instanceof ClientEvent.History h
                && h.readUpTo() != null
                && h.kind() != ClientEvent.HistoryKind.OLDER
                && h.target().startsWith("#")
                && !onScreen(h.target())) {
            for (ClientEvent.Chat m : h.messages())
                if (m.time().isAfter(h.readUpTo())) unread.add(h.target(), m.time());
        }
        if (e instanceof ClientEvent.ReadMarker m && m.upTo() != null) unread.readUpTo(m.target(), m.upTo());
        if (e instanceof ClientEvent.Parted p) {
            unread.clear(p.room());
            if (current != null && Casemapping.equals(p.room(), current)) current = home;
        }
        if (e instanceof ClientEvent.Removed r
                && c != null
                && r.nick() != null
                && Casemapping.equals(r.nick(), String.valueOf(c.nick()))
                && current != null
                && Casemapping.equals(String.valueOf(r.room()), current)) {
            current = home;
        }
    }

    /** The room's unread messages (the status line shows them). */
    synchronized int unread(String room) {
        return unread.count(room);
    }

    /** Whether a room's messages count as read as they come: it is the room on screen (none yet: all are). */
    private boolean onScreen(String room) {
        return current == null || Casemapping.equals(room, current);
    }

    /** alice in #dev (4) "topic" | 1:#chatroom 2:#dev 3:#ops(5) | lag 3 ms | bob is typing… */
    synchronized String statusText(ChatClient c) {
        return switch (phase) {
            case CONNECTING -> "Connecting...";
            case WAITING ->
                (everAccepted ? "Reconnected; waiting" : "Waiting") + " for the admin to accept "
                        + (c == null ? "you" : c.nick()) + " (Ctrl-C or /leave to give up)";
            case RECONNECTING -> "Disconnected. " + retryText + " Typed lines are queued.";
            case ENDED -> "";
            case CHATTING -> chatting(c);
        };
    }

    private String chatting(ChatClient c) {
        StringBuilder sb = new StringBuilder();
        sb.append(c.nick()).append(" in ").append(current);
        sb.append(" (").append(c.members(current).size()).append(')');
        String topic = c.topic(current);
        if (topic != null && !topic.isEmpty())
            sb.append(" \"").append(Formatting.strip(Sanitizer.clean(topic))).append('"');
        List<String> rooms = c.rooms();
        if (rooms.size() > 1) {
            sb.append(" |");
            for (int i = 0; i < rooms.size(); i++) {
                String r = rooms.get(i);
                sb.append(' ').append(i + 1).append(':').append(r);
                int n = unread.count(r);
                if (n > 0) sb.append('(').append(n).append(')');
            }
        }
        if (c.lagMillis() >= 0) sb.append(" | lag ").append(c.lagMillis()).append(" ms");
        String typing = typists.text(current);
        if (typing != null) sb.append(" | ").append(typing);
        return sb.toString();
    }
}

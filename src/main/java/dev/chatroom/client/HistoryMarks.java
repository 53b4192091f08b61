package dev.chatroom.client;

import dev.chatroom.irc.Casemapping;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * The newest and the oldest message seen of each conversation (a room, or the nick of a private
 * one), for the whole session: they outlive a connection, so after a reconnection exactly what
 * came after the newest is asked for, and /history asks for what came before the oldest. Also
 * how far the account has read each, as the server last said (draft/read-marker): where the
 * unread messages start. Written on the network thread, read by the input thread.
 */
final class HistoryMarks {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A message as CHATHISTORY can point at it; msgid may be null (the server gave none), time never is. */
    record Mark(String msgid, Instant time) {
        String reference() {
            return msgid != null ? "msgid=" + msgid : "timestamp=" + TIMESTAMP.format(time);
        }
    }

    /** The time a {@code timestamp=...} parameter names; null for anything else ({@code *}). */
    static Instant timestamp(String param) {
        if (param == null || !param.startsWith("timestamp=")) return null;
        try {
            return Instant.parse(param.substring("timestamp=".length()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private final Map<String, Mark> newest = new HashMap<>();
    private final Map<String, Mark> oldest = new HashMap<>();
    private final Map<String, Instant> readUpTo = new HashMap<>();

    /** A live message: the newest, as they come in order (several may share a millisecond). */
    synchronized void live(String conversation, String msgid, Instant time) {
        String key = Casemapping.fold(conversation);
        Mark m = new Mark(msgid, time);
        newest.put(key, m);
        oldest.putIfAbsent(key, m);
    }

    /**
     * A batch of history was shown, first to last. Its first is the oldest seen unless one seen
     * was older; its last the newest unless it answered /history (older than what was shown).
     */
    synchronized void shown(String conversation, Mark first, Mark last, boolean older) {
        String key = Casemapping.fold(conversation);
        Mark o = oldest.get(key);
        if (o == null || !o.time().isBefore(first.time())) oldest.put(key, first);
        Mark n = newest.get(key);
        if (n == null || !older && !last.time().isBefore(n.time())) newest.put(key, last);
    }

    synchronized Mark newest(String conversation) {
        return newest.get(Casemapping.fold(conversation));
    }

    /** The newest message seen of any conversation, or null: where a reconnection's catching up starts. */
    synchronized Mark newestOfAll() {
        Mark best = null;
        for (Mark m : newest.values()) if (best == null || m.time().isAfter(best.time())) best = m;
        return best;
    }

    synchronized Mark oldest(String conversation) {
        return oldest.get(Casemapping.fold(conversation));
    }

    /** The server's read marker of a conversation moved to upTo (it never moves back); returns where it is. */
    synchronized Instant read(String conversation, Instant upTo) {
        return readUpTo.merge(Casemapping.fold(conversation), upTo, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Up to when the conversation was read, as the server last said; null when it did not say. */
    synchronized Instant readUpTo(String conversation) {
        return readUpTo.get(Casemapping.fold(conversation));
    }
}

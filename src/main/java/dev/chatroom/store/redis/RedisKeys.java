package dev.chatroom.store.redis;

import dev.chatroom.irc.Message;
import dev.chatroom.store.Conversation;
import dev.chatroom.store.StoredMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where history lives in Redis, and how a message is written into a stream entry. Every key
 * starts with the prefix, so several servers (or tests) can share one Redis with different ones.
 * <pre>
 *   {p}room:&lt;roomKey&gt;              stream: a room's messages
 *   {p}dm:&lt;account&gt; &lt;nick&gt;          stream: one account's private conversation with a nick
 *   {p}ids:&lt;stream without {p}&gt;     hash msgid -&gt; stream id in that stream (idempotency, msgid refs)
 *   {p}streams                      set of every stream key (pruning and purging walk it)
 *   {p}rooms                        set of room keys that have a stream (recentPerRoom)
 *   {p}dms:&lt;account&gt;               set of the nicks an account has a private stream with (TARGETS)
 * </pre>
 * Names are IRC-folded and never contain a space, which is why a space separates the two halves
 * of a private conversation's key; the ids hashes live under their own "ids:" namespace so no room
 * name can collide with one.
 */
final class RedisKeys {
    /** Where one message is written: its stream, that stream's ids hash, and the set that lists the stream. */
    record Target(String stream, String ids, String index, String member) {}

    static final String MAX_SEQ = "18446744073709551615";

    final String prefix;

    RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    String streams() {
        return prefix + "streams";
    }

    String rooms() {
        return prefix + "rooms";
    }

    String dms(String accountKey) {
        return prefix + "dms:" + accountKey;
    }

    String room(String roomKey) {
        return prefix + "room:" + roomKey;
    }

    String dm(String accountKey, String correspondentKey) {
        return prefix + "dm:" + accountKey + " " + correspondentKey;
    }

    String ids(String stream) {
        return prefix + "ids:" + stream.substring(prefix.length());
    }

    /** The stream a query reads; null for a private conversation without an account (nothing is kept for it). */
    String stream(Conversation c) {
        if (c.isRoom()) return room(c.roomKey());
        return c.accountKey() == null ? null : dm(c.accountKey(), c.correspondentKey());
    }

    boolean isRoom(String stream) {
        return stream.startsWith(prefix + "room:");
    }

    /** The stream back as a Target (its listing set and member), for the scripts that forget an emptied stream. */
    Target target(String stream) {
        String rest = stream.substring(prefix.length());
        if (rest.startsWith("room:")) return new Target(stream, ids(stream), rooms(), rest.substring(5));
        int space = rest.indexOf(' ');
        return new Target(stream, ids(stream), dms(rest.substring(3, space)), rest.substring(space + 1));
    }

    /**
     * The streams a message belongs to, as SQLite's queries find it: a room's stream; for a private
     * message the sender account's conversation with the recipient and the recipient account's
     * conversation with the sender (one stream when someone writes to themself).
     */
    List<Target> targets(StoredMessage m) {
        List<Target> out = new ArrayList<>(2);
        if (m.roomKey() != null) {
            out.add(target(room(m.roomKey())));
            return out;
        }
        if (m.accountKey() != null) out.add(target(dm(m.accountKey(), m.recipientKey())));
        if (m.recipientAccountKey() != null) {
            Target other = target(dm(m.recipientAccountKey(), m.senderKey()));
            if (out.isEmpty() || !out.get(0).stream().equals(other.stream())) out.add(other);
        }
        return out;
    }

    /** The entry's fields, name then value; an absent value is left out rather than stored as a marker. */
    static List<String> fields(StoredMessage m) {
        List<String> f = new ArrayList<>(26);
        put(f, "id", m.msgid());
        put(f, "t", Long.toString(m.timeMillis()));
        put(f, "p", m.prefix());
        put(f, "s", m.senderKey());
        put(f, "a", m.account());
        put(f, "ak", m.accountKey());
        put(f, "c", m.command());
        put(f, "to", m.target());
        put(f, "r", m.roomKey());
        put(f, "rk", m.recipientKey());
        put(f, "rak", m.recipientAccountKey());
        put(f, "x", m.text());
        if (m.clientTags() != null && !m.clientTags().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            Message.appendTags(sb, m.clientTags());
            put(f, "g", sb.toString());
        }
        return f;
    }

    private static void put(List<String> f, String name, String value) {
        if (value == null) return;
        f.add(name);
        f.add(value);
    }

    static StoredMessage message(Map<String, String> b) {
        String g = b.get("g");
        Map<String, String> tags = g == null || g.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(
                        new LinkedHashMap<>(Message.parse("@" + g + " X").tags()));
        return new StoredMessage(
                b.get("id"),
                Long.parseLong(b.getOrDefault("t", "0")),
                b.get("p"),
                b.get("s"),
                b.get("a"),
                b.get("ak"),
                b.get("c"),
                b.get("to"),
                b.get("r"),
                b.get("rk"),
                b.get("rak"),
                b.getOrDefault("x", ""),
                tags);
    }

    /** The stream id just after this one (inclusive bounds are sent, so no "(" arithmetic is left to Redis at 0-0). */
    static String next(String id) {
        int dash = id.indexOf('-');
        long ms = Long.parseLong(id.substring(0, dash));
        long seq = Long.parseUnsignedLong(id.substring(dash + 1));
        return seq == -1L ? (ms + 1) + "-0" : ms + "-" + Long.toUnsignedString(seq + 1);
    }

    /** The stream id just before this one; null when there is none (0-0). */
    static String previous(String id) {
        int dash = id.indexOf('-');
        long ms = Long.parseLong(id.substring(0, dash));
        long seq = Long.parseUnsignedLong(id.substring(dash + 1));
        if (seq != 0) return ms + "-" + Long.toUnsignedString(seq - 1);
        return ms <= 0 ? null : (ms - 1) + "-" + MAX_SEQ;
    }

    /** The millisecond part of a stream id. */
    static long millis(String id) {
        return Long.parseLong(id.substring(0, id.indexOf('-')));
    }
}

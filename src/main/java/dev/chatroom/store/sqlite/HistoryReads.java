package dev.chatroom.store.sqlite;

import dev.chatroom.store.Conversation;
import dev.chatroom.store.HistoryQuery;
import dev.chatroom.store.MessageRef;
import dev.chatroom.store.StoredMessage;
import dev.chatroom.store.TargetTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The SQL behind history's reads. Messages are ordered by id (the order they were relayed in);
 * a reference is turned into an id bound first: a msgid is its message's id, a timestamp the
 * ids on either side of that time, so every query is one range scan on an index.
 */
final class HistoryReads {
    private HistoryReads() {}

    interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    static List<StoredMessage> query(Connection c, HistoryQuery q) throws SQLException {
        Conversation conv = q.conversation();
        int limit = q.limit();
        switch (q.kind()) {
            case LATEST -> {
                long after = q.from().isNone() ? 0 : afterBound(c, conv, q.from());
                return after < 0 ? List.of() : newest(c, conv, after, Long.MAX_VALUE, limit);
            }
            case BEFORE -> {
                long before = beforeBound(c, conv, q.from());
                return before < 0 ? List.of() : newest(c, conv, 0, before, limit);
            }
            case AFTER -> {
                long after = afterBound(c, conv, q.from());
                return after < 0 ? List.of() : oldest(c, conv, after, Long.MAX_VALUE, limit);
            }
            case AROUND -> {
                long center = beforeBound(c, conv, q.from());
                if (center < 0) return List.of();
                List<StoredMessage> before = newest(c, conv, 0, center, (limit - 1) / 2);
                List<StoredMessage> out = new ArrayList<>(before);
                out.addAll(oldest(c, conv, center - 1, Long.MAX_VALUE, limit - before.size()));
                return out;
            }
            case BETWEEN -> {
                if (comesFirst(c, conv, q.from(), q.to())) {
                    long after = afterBound(c, conv, q.from());
                    long before = beforeBound(c, conv, q.to());
                    return after < 0 || before < 0 ? List.of() : oldest(c, conv, after, before, limit);
                }
                long after = afterBound(c, conv, q.to());
                long before = beforeBound(c, conv, q.from());
                return after < 0 || before < 0 ? List.of() : newest(c, conv, after, before, limit);
            }
            default -> throw new IllegalArgumentException(q.kind().toString());
        }
    }

    /** Messages after the ref have ids above this; -1 when the msgid is not in the conversation. */
    private static long afterBound(Connection c, Conversation conv, MessageRef ref) throws SQLException {
        if (ref.msgid() != null) return idOf(c, conv, ref.msgid());
        return afterTime(c, ref.timeMillis());
    }

    /** Messages later than the time have ids above this. */
    static long afterTime(Connection c, long millis) throws SQLException {
        // ORDER BY ... LIMIT 1 walks the time index from one end; MAX(id) with a range would read the whole range
        return single(c, "SELECT id FROM messages WHERE time_ms <= ? ORDER BY time_ms DESC, id DESC LIMIT 1", millis);
    }

    /** Messages before the ref have ids below this; -1 when the msgid is not in the conversation. */
    private static long beforeBound(Connection c, Conversation conv, MessageRef ref) throws SQLException {
        if (ref.msgid() != null) return idOf(c, conv, ref.msgid());
        return beforeTime(c, ref.timeMillis());
    }

    /** Messages earlier than the time have ids below this. */
    static long beforeTime(Connection c, long millis) throws SQLException {
        long id = single(c, "SELECT id FROM messages WHERE time_ms >= ? ORDER BY time_ms, id LIMIT 1", millis);
        return id == 0 ? Long.MAX_VALUE : id;
    }

    private static boolean comesFirst(Connection c, Conversation conv, MessageRef a, MessageRef b) throws SQLException {
        return position(c, conv, a) <= position(c, conv, b);
    }

    /** A time for a reference, to tell which of two comes first. */
    private static long position(Connection c, Conversation conv, MessageRef ref) throws SQLException {
        if (ref.msgid() == null) return ref.timeMillis();
        try (PreparedStatement s = c.prepareStatement("SELECT time_ms FROM messages WHERE msgid = ?")) {
            s.setString(1, ref.msgid());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static long idOf(Connection c, Conversation conv, String msgid) throws SQLException {
        String sql =
                "SELECT id FROM messages WHERE msgid = ? AND " + (conv.isRoom() ? "room_key = ?" : "room_key IS NULL");
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, msgid);
            if (conv.isRoom()) s.setString(2, conv.roomKey());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    private static long single(Connection c, String sql, long param) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, param);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** The newest limit messages with after < id < before, oldest first. */
    private static List<StoredMessage> newest(Connection c, Conversation conv, long after, long before, int limit)
            throws SQLException {
        List<StoredMessage> out = range(c, conv, after, before, limit, "DESC");
        Collections.reverse(out);
        return out;
    }

    /** The oldest limit messages with after < id < before. */
    private static List<StoredMessage> oldest(Connection c, Conversation conv, long after, long before, int limit)
            throws SQLException {
        return range(c, conv, after, before, limit, "ASC");
    }

    private static List<StoredMessage> range(
            Connection c, Conversation conv, long after, long before, int limit, String order) throws SQLException {
        if (limit <= 0) return new ArrayList<>();
        String sql;
        if (conv.isRoom()) {
            sql = "SELECT * FROM messages WHERE room_key = ? AND id > ? AND id < ? ORDER BY id " + order + " LIMIT ?";
        } else {
            // both halves of a private conversation, each on its own index; a message to oneself is in both, and
            // counted once
            sql =
                    "SELECT * FROM messages WHERE id IN (SELECT id FROM messages WHERE room_key IS NULL AND account_key = ? AND recipient_key = ? AND id > ? AND id < ?"
                            + " UNION SELECT id FROM messages WHERE room_key IS NULL AND recipient_account_key = ? AND sender_key = ? AND id > ? AND id < ?)"
                            + " ORDER BY id " + order + " LIMIT ?";
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (conv.isRoom()) {
                s.setString(i++, conv.roomKey());
                s.setLong(i++, after);
                s.setLong(i++, before);
            } else {
                for (int half = 0; half < 2; half++) {
                    s.setString(i++, conv.accountKey());
                    s.setString(i++, conv.correspondentKey());
                    s.setLong(i++, after);
                    s.setLong(i++, before);
                }
            }
            s.setInt(i, limit);
            return messages(s);
        }
    }

    static List<StoredMessage> messages(PreparedStatement s) throws SQLException {
        List<StoredMessage> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) out.add(SqliteHistoryStore.row(rs));
        }
        return out;
    }

    static List<TargetTime> targets(
            Connection c, List<String> roomKeys, String accountKey, long after, long before, int limit)
            throws SQLException {
        List<TargetTime> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT target, time_ms FROM messages WHERE room_key = ? ORDER BY id DESC LIMIT 1")) {
            for (String room : roomKeys) {
                s.setString(1, room);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && rs.getString(1) != null)
                        out.add(new TargetTime(rs.getString(1), room, true, rs.getLong(2)));
                }
            }
        }
        if (accountKey != null) {
            String sql =
                    "SELECT k, name, MAX(t) FROM (SELECT recipient_key AS k, target AS name, time_ms AS t, id FROM messages WHERE room_key IS NULL AND account_key = ?"
                            + " UNION ALL SELECT sender_key, substr(prefix, 1, instr(prefix || '!', '!') - 1), time_ms, id FROM messages"
                            + " WHERE room_key IS NULL AND recipient_account_key = ?) GROUP BY k";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, accountKey);
                s.setString(2, accountKey);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) out.add(new TargetTime(rs.getString(2), rs.getString(1), false, rs.getLong(3)));
                }
            }
        }
        out.removeIf(t -> t.latestMillis() <= after || t.latestMillis() >= before);
        out.sort(Comparator.comparingLong(TargetTime::latestMillis));
        return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
    }

    /** At most this many rows per pruning transaction: the writer goes back to storing messages in between. */
    static final int PRUNE_CHUNK = 5_000;

    /** One chunk of pruning: returns how many went, PRUNE_CHUNK or more meaning there may be more. */
    static int prune(Connection c, long olderThan, int maxPerRoom) throws SQLException {
        int removed;
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM messages WHERE id IN (SELECT id FROM messages WHERE time_ms < ? ORDER BY time_ms LIMIT ?)")) {
            s.setLong(1, olderThan);
            s.setInt(2, PRUNE_CHUNK);
            removed = s.executeUpdate();
        }
        if (removed >= PRUNE_CHUNK) return removed;
        if (maxPerRoom <= 0) return removed;
        List<String> over = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT room_key FROM messages WHERE room_key IS NOT NULL GROUP BY room_key HAVING COUNT(*) > ?")) {
            s.setInt(1, maxPerRoom);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) over.add(rs.getString(1));
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM messages WHERE room_key = ? AND id <= (SELECT id FROM messages WHERE room_key = ?"
                        + " ORDER BY id DESC LIMIT 1 OFFSET ?)")) {
            for (String room : over) {
                s.setString(1, room);
                s.setString(2, room);
                s.setInt(3, maxPerRoom);
                removed += s.executeUpdate();
            }
        }
        return removed;
    }

    static int purge(Connection c, String roomKey, String nickKey) throws SQLException {
        if (roomKey != null) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM messages WHERE room_key = ?")) {
                s.setString(1, roomKey);
                return s.executeUpdate();
            }
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM messages WHERE sender_key = ? OR account_key = ?"
                + " OR (room_key IS NULL AND (recipient_key = ? OR recipient_account_key = ?))")) {
            for (int i = 1; i <= 4; i++) s.setString(i, nickKey);
            return s.executeUpdate();
        }
    }

    /** The message with this msgid in the conversation (private without a correspondent: any of the account's). */
    static Optional<StoredMessage> find(Connection c, Conversation conv, String msgid) throws SQLException {
        String sql = conv.isRoom()
                ? "SELECT * FROM messages WHERE msgid = ? AND room_key = ?"
                : "SELECT * FROM messages WHERE msgid = ? AND room_key IS NULL AND ((account_key = ?1 AND (?2 IS NULL OR"
                        + " recipient_key = ?2)) OR (recipient_account_key = ?1 AND (?2 IS NULL OR sender_key = ?2)))";
        try (PreparedStatement s = c.prepareStatement(conv.isRoom() ? sql : sql.replace("msgid = ?", "msgid = ?3"))) {
            if (conv.isRoom()) {
                s.setString(1, msgid);
                s.setString(2, conv.roomKey());
            } else {
                s.setString(1, conv.accountKey());
                s.setString(2, conv.correspondentKey());
                s.setString(3, msgid);
            }
            return messages(s).stream().findFirst();
        }
    }

    static void redact(Connection c, String msgid) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM messages WHERE msgid = ?")) {
            s.setString(1, msgid);
            s.executeUpdate();
        }
    }
}

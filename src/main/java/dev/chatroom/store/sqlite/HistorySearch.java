package dev.chatroom.store.sqlite;

import dev.chatroom.store.SearchLimits;
import dev.chatroom.store.SearchQuery;
import dev.chatroom.store.SearchResult;
import dev.chatroom.store.StoredMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.ProgressHandler;

/**
 * SEARCH in chatroom.db. The full-text index yields the candidates, the messages with the words,
 * newest first and from the whole server; each is checked against what the user may read (its
 * rooms, its account's private conversations) and the query's filters until enough are found.
 * The walk is bounded ({@link #LIMITS}): a word that is everywhere costs a fixed amount, not one
 * that grows with everything ever said. Time is kept by SQLite's progress handler, which ends a
 * statement past its budget wherever it is working.
 */
final class HistorySearch {
    /** 100,000 candidates take about 50 ms here; the second is for what the index does before the first one. */
    static final SearchLimits LIMITS = new SearchLimits(100_000, SearchLimits.TIME);
    /** The progress handler is asked every this many of SQLite's virtual-machine steps. */
    private static final int STEPS_PER_CHECK = 1_000;

    private HistorySearch() {}

    static SearchResult search(Connection c, SearchQuery q, SearchLimits limits) throws SQLException {
        String match = ftsQuery(q.words());
        if (match.isEmpty() || (q.roomKeys().isEmpty() && q.accountKey() == null)) return SearchResult.NONE;
        long after = q.afterMillis() >= 0 ? HistoryReads.afterTime(c, q.afterMillis()) : 0;
        long before = q.beforeMillis() >= 0 ? HistoryReads.beforeTime(c, q.beforeMillis()) : Long.MAX_VALUE;
        List<Long> found = new ArrayList<>();
        boolean cutShort = false;
        Budget budget = new Budget(System.nanoTime() + limits.time().toNanos());
        ProgressHandler.setHandler(c, STEPS_PER_CHECK, budget);
        try (PreparedStatement s = c.prepareStatement("SELECT f.rowid, " + readable(q)
                + " FROM messages_fts f JOIN messages m ON m.id = f.rowid"
                + " WHERE messages_fts MATCH ? AND f.rowid > ? AND f.rowid < ? ORDER BY f.rowid DESC")) {
            int i = bindReadable(s, q);
            s.setString(i++, match);
            s.setLong(i++, after);
            s.setLong(i, before);
            int examined = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (found.size() < q.limit() && rs.next()) {
                    if (examined++ == limits.examined()) {
                        cutShort = true;
                        break;
                    }
                    if (rs.getBoolean(2)) found.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            if (!budget.spent) throw e;
            cutShort = true;
        } finally {
            ProgressHandler.clearHandler(c);
        }
        return new SearchResult(messages(c, found), cutShort);
    }

    /** Whether the candidate (m) is one the user may read and the query wants: a condition with parameters. */
    private static String readable(SearchQuery q) {
        StringBuilder sql = new StringBuilder("(");
        if (!q.roomKeys().isEmpty())
            sql.append("m.room_key IN (")
                    .append("?,".repeat(q.roomKeys().size() - 1))
                    .append("?)");
        if (q.accountKey() != null) {
            if (!q.roomKeys().isEmpty()) sql.append(" OR ");
            if (q.correspondentKey() == null)
                sql.append("(m.room_key IS NULL AND (m.account_key = ? OR m.recipient_account_key = ?))");
            else
                sql.append("(m.room_key IS NULL AND ((m.account_key = ? AND m.recipient_key = ?)"
                        + " OR (m.recipient_account_key = ? AND m.sender_key = ?)))");
        }
        sql.append(')');
        if (q.fromKey() != null) sql.append(" AND m.sender_key = ?");
        if (q.afterMillis() >= 0) sql.append(" AND m.time_ms > ?");
        if (q.beforeMillis() >= 0) sql.append(" AND m.time_ms < ?");
        return sql.toString();
    }

    /** Binds {@link #readable}'s parameters; returns the next parameter's index. */
    private static int bindReadable(PreparedStatement s, SearchQuery q) throws SQLException {
        int i = 1;
        for (String room : q.roomKeys()) s.setString(i++, room);
        if (q.accountKey() != null && q.correspondentKey() == null) {
            s.setString(i++, q.accountKey());
            s.setString(i++, q.accountKey());
        } else if (q.accountKey() != null) {
            for (int half = 0; half < 2; half++) {
                s.setString(i++, q.accountKey());
                s.setString(i++, q.correspondentKey());
            }
        }
        if (q.fromKey() != null) s.setString(i++, q.fromKey());
        if (q.afterMillis() >= 0) s.setLong(i++, q.afterMillis());
        if (q.beforeMillis() >= 0) s.setLong(i++, q.beforeMillis());
        return i;
    }

    /** The messages with these ids, oldest first. */
    private static List<StoredMessage> messages(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) return List.of();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT * FROM messages WHERE id IN (" + "?,".repeat(ids.size() - 1) + "?) ORDER BY id")) {
            for (int i = 0; i < ids.size(); i++) s.setLong(i + 1, ids.get(i));
            return HistoryReads.messages(s);
        }
    }

    /**
     * The user's words as an FTS5 query: every word must appear (each quoted, so nothing a user
     * types is FTS syntax), the last one also as a prefix ("deplo" finds "deploy") when it has three letters or more.
     */
    static String ftsQuery(String words) {
        StringBuilder sb = new StringBuilder();
        String[] parts =
                SqliteHistoryStore.plain(words == null ? "" : words).trim().split("\\s+");
        for (int i = 0; i < parts.length; i++) {
            String w = parts[i].replace("\"", "");
            if (w.isEmpty()) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append('"').append(w).append('"');
            if (i == parts.length - 1 && w.codePointCount(0, w.length()) >= 3) sb.append('*');
        }
        return sb.toString();
    }

    /** Interrupts the statement (SQLITE_INTERRUPT) once the deadline has passed. */
    private static final class Budget extends ProgressHandler {
        private final long deadline;
        private boolean spent;

        Budget(long deadline) {
            this.deadline = deadline;
        }

        @Override
        protected int progress() {
            spent = System.nanoTime() - deadline > 0;
            return spent ? 1 : 0;
        }
    }
}

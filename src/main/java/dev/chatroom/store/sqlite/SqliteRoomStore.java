package dev.chatroom.store.sqlite;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.log.Event;
import dev.chatroom.log.EventSink;
import dev.chatroom.store.RoomBan;
import dev.chatroom.store.RoomStore;
import dev.chatroom.store.SavedRoom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Rooms' settings in chatroom.db, one row per room, written on the database's writer thread in the order they changed. */
final class SqliteRoomStore implements RoomStore {
    private final Database db;
    private final EventSink events;

    SqliteRoomStore(Database db, EventSink events) {
        this.db = db;
        this.events = events;
    }

    @Override
    public List<SavedRoom> load() {
        List<SavedRoom> out = new ArrayList<>();
        try (PreparedStatement s = db.connection()
                        .prepareStatement(
                                "SELECT name, created_ms, topic, topic_by, topic_ms, flags, room_key, room_limit, bans, operators"
                                        + " FROM rooms");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new SavedRoom(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getInt(8),
                        bans(rs.getString(9)),
                        lines(rs.getString(10))));
            }
        } catch (SQLException e) {
            events.event(
                    Event.error("rooms_unreadable", "Rooms: cannot read the saved rooms: " + Database.describe(e)));
        }
        return out;
    }

    @Override
    public void save(SavedRoom r) {
        String key = Casemapping.fold(r.name());
        db.write(
                "save the room " + r.name(),
                c -> {
                    try (PreparedStatement s = c.prepareStatement(
                            "INSERT OR REPLACE INTO rooms (name_key, name, created_ms, topic, topic_by, topic_ms, flags, room_key,"
                                    + " room_limit, bans, operators) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                        s.setString(1, key);
                        s.setString(2, r.name());
                        s.setLong(3, r.createdMillis());
                        s.setString(4, r.topic());
                        s.setString(5, r.topicSetBy());
                        s.setLong(6, r.topicSetAtMillis());
                        s.setString(7, r.flags());
                        s.setString(8, r.key());
                        s.setInt(9, r.limit());
                        s.setString(10, bans(r.bans()));
                        s.setString(11, String.join("\n", r.operators()));
                        s.executeUpdate();
                    }
                },
                events);
    }

    @Override
    public void remove(String roomKey) {
        db.write(
                "forget the room " + roomKey,
                c -> {
                    try (PreparedStatement s = c.prepareStatement("DELETE FROM rooms WHERE name_key = ?")) {
                        s.setString(1, roomKey);
                        s.executeUpdate();
                    }
                },
                events);
    }

    /** One ban per line: mask, who set it, when (masks and nicks hold no spaces). */
    private static String bans(List<RoomBan> bans) {
        StringBuilder sb = new StringBuilder();
        for (RoomBan b : bans)
            sb.append(b.mask())
                    .append(' ')
                    .append(b.setBy())
                    .append(' ')
                    .append(b.setAtSeconds())
                    .append('\n');
        return sb.toString();
    }

    /** Account names, one a line (a name holds no line break). */
    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static List<RoomBan> bans(String text) {
        List<RoomBan> out = new ArrayList<>();
        if (text == null) return out;
        for (String line : text.split("\n")) {
            String[] p = line.split(" ");
            if (p.length == 3) {
                try {
                    out.add(new RoomBan(p[0], p[1], Long.parseLong(p[2])));
                } catch (NumberFormatException ignored) {
                    // a damaged line: that ban is lost, the others are kept
                }
            }
        }
        return out;
    }
}

package dev.chatroom.store.sqlite;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.log.Event;
import dev.chatroom.log.EventSink;
import dev.chatroom.store.BanStore;
import dev.chatroom.store.ServerBan;
import dev.chatroom.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's bans in the embedded database. The whole list is written as one transaction
 * on each change (bans are few and change rarely), on the database's writer thread. A
 * {@code bans.txt} from before the database is imported once and renamed, so its bans are
 * neither lost nor imported twice.
 */
final class SqliteBanStore implements BanStore {
    private final Database db;
    private final Path dataDir;
    private final EventSink events;

    SqliteBanStore(Database db, Path dataDir, EventSink events) {
        this.db = db;
        this.dataDir = dataDir;
        this.events = events;
    }

    /** The saved bans, after importing an old bans.txt from the data dir if there is one. */
    @Override
    public List<ServerBan> load() throws StoreException {
        Map<String, ServerBan> bans = new LinkedHashMap<>();
        try (Statement s = db.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT mask, reason, since_ms FROM server_bans")) {
            while (rs.next())
                add(bans, new ServerBan(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))));
        } catch (SQLException e) {
            throw new StoreException(db.file() + ": " + Database.describe(e), e);
        }
        Path old = dataDir.resolve(BanFile.FILE_NAME);
        if (Files.exists(old)) importOnce(old, bans);
        return new ArrayList<>(bans.values());
    }

    private static boolean add(Map<String, ServerBan> bans, ServerBan b) {
        return bans.putIfAbsent(Casemapping.fold(b.mask()), b) == null;
    }

    private void importOnce(Path old, Map<String, ServerBan> bans) {
        try {
            BanFile.Loaded loaded = BanFile.read(old);
            for (String problem : loaded.problems())
                events.event(Event.warn("ban_file_problem", "Ban file: " + problem));
            int added = 0;
            for (ServerBan b : loaded.bans()) if (add(bans, b)) added++;
            saveNow(List.copyOf(bans.values()));
            Path done = old.resolveSibling(BanFile.FILE_NAME + ".imported");
            Files.move(old, done, StandardCopyOption.REPLACE_EXISTING);
            events.event(Event.info(
                            "bans_imported",
                            "Imported " + added + " ban(s) from " + old + " into " + db.file()
                                    + "; the old file is now " + done.getFileName() + ".")
                    .with("count", added));
        } catch (IOException | SQLException e) {
            events.event(Event.error(
                    "ban_import_failed",
                    "Cannot import the old ban file " + old + ": " + e.getMessage()
                            + ". It stays where it is; its bans are not applied."));
        }
    }

    /** At start, before the server runs: written at once, so a crash right after cannot import twice. */
    private void saveNow(List<ServerBan> bans) throws SQLException {
        var c = db.connection();
        c.setAutoCommit(false);
        try {
            replaceAll(c, bans);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    @Override
    public void save(List<ServerBan> bans) {
        List<ServerBan> copy = List.copyOf(bans);
        db.write("save the bans", c -> replaceAll(c, copy), events);
    }

    private static void replaceAll(Connection c, List<ServerBan> bans) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM server_bans");
        }
        try (PreparedStatement s =
                c.prepareStatement("INSERT OR REPLACE INTO server_bans (mask, reason, since_ms) VALUES (?,?,?)")) {
            for (ServerBan b : bans) {
                s.setString(1, b.mask());
                s.setString(2, b.reason());
                s.setLong(3, b.since().toEpochMilli());
                s.executeUpdate();
            }
        }
    }
}

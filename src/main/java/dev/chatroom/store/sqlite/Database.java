package dev.chatroom.store.sqlite;

import dev.chatroom.files.PrivateFiles;
import dev.chatroom.log.Event;
import dev.chatroom.log.EventSink;
import dev.chatroom.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConfig;

/**
 * The embedded database, {@code <data-dir>/chatroom.db} (SQLite in WAL mode, so readers never
 * wait for the writer). Its schema is versioned: {@link #MIGRATIONS} are applied in order at
 * start, each in its own transaction, and a database from a newer chatroom is refused rather
 * than misread.
 */
public final class Database implements AutoCloseable {
    public static final String FILE = "chatroom.db";

    /** Schema version i+1 is reached by running MIGRATIONS[i]. Append only. */
    static final List<String[]> MIGRATIONS = List.<String[]>of(
            new String[] {
                "CREATE TABLE accounts (name_key TEXT PRIMARY KEY, name TEXT NOT NULL, password TEXT, one_time INTEGER NOT NULL DEFAULT 0,"
                        + " created_ms INTEGER NOT NULL)",
                "CREATE TABLE account_certificates (fingerprint TEXT PRIMARY KEY,"
                        + " name_key TEXT NOT NULL REFERENCES accounts(name_key) ON DELETE CASCADE)",
                "CREATE TABLE allow_list (name_key TEXT PRIMARY KEY, name TEXT NOT NULL, allowed INTEGER NOT NULL, reason TEXT,"
                        + " changed_ms INTEGER NOT NULL)",
            },
            new String[] {
                "CREATE TABLE server_bans (mask TEXT PRIMARY KEY, reason TEXT, since_ms INTEGER NOT NULL)",
            },
            new String[] {
                // id is the order messages were relayed in (one writer, in loop order); msgid and time as recipients
                // saw them
                "CREATE TABLE messages (id INTEGER PRIMARY KEY, msgid TEXT NOT NULL UNIQUE, time_ms INTEGER NOT NULL, prefix TEXT NOT NULL,"
                        + " sender_key TEXT NOT NULL, account TEXT, account_key TEXT, command TEXT NOT NULL, target TEXT NOT NULL, room_key TEXT,"
                        + " recipient_key TEXT, recipient_account_key TEXT, text TEXT NOT NULL, tags TEXT)",
                "CREATE INDEX messages_room ON messages(room_key, id) WHERE room_key IS NOT NULL",
                "CREATE INDEX messages_sent ON messages(account_key, recipient_key, id) WHERE room_key IS NULL",
                "CREATE INDEX messages_received ON messages(recipient_account_key, sender_key, id) WHERE room_key IS NULL",
                "CREATE INDEX messages_time ON messages(time_ms)",
                // the words without colours and formatting, for /search
                "CREATE VIRTUAL TABLE messages_fts USING fts5(plain, tokenize = 'unicode61 remove_diacritics 2')",
                "CREATE TRIGGER messages_gone AFTER DELETE ON messages BEGIN DELETE FROM messages_fts WHERE rowid = old.id; END",
                "CREATE TABLE rooms (name_key TEXT PRIMARY KEY, name TEXT NOT NULL, created_ms INTEGER NOT NULL, topic TEXT, topic_by TEXT,"
                        + " topic_ms INTEGER NOT NULL DEFAULT 0, flags TEXT NOT NULL DEFAULT '', room_key TEXT, room_limit INTEGER NOT NULL DEFAULT 0,"
                        + " bans TEXT NOT NULL DEFAULT '')",
            },
            new String[] {
                // the accounts of a room's operators, one a line: they are operators again after a restart
                "ALTER TABLE rooms ADD COLUMN operators TEXT NOT NULL DEFAULT ''",
            },
            new String[] {
                // an account's presence: always-on or not, and what a restart brings back (Presence.text())
                "CREATE TABLE presences (name_key TEXT PRIMARY KEY, record TEXT NOT NULL)",
            });

    private final Path file;
    private final Connection db;
    /** Every write, of every store, in order on this one thread: one SQLite connection is not for two threads at once. */
    private final ExecutorService writer;

    private volatile boolean closed;

    private Database(Path file, Connection db, ExecutorService writer) {
        this.file = file;
        this.db = db;
        this.writer = writer;
    }

    /** Opens (creating when missing) the database in dir and brings its schema up to date. */
    public static Database open(Path dir) throws StoreException {
        return open(dir, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "chatroom-db-writer");
            t.setDaemon(true);
            return t;
        }));
    }

    /** The same with the given writer (in-memory tests run it on their own thread). */
    public static Database open(Path dir, ExecutorService writer) throws StoreException {
        Path file = dir.resolve(FILE);
        try {
            PrivateFiles.createDirectories(dir);
            // SQLite gives the -wal and -shm files the database's mode: made 0600 here, all three are private
            PrivateFiles.createFile(file);
        } catch (Exception e) {
            throw new StoreException("cannot create " + file + ": " + e.getMessage(), e);
        }
        if (Files.exists(file) && !Files.isWritable(file)) throw new StoreException(file + " is not writable", null);
        try {
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            Database d = new Database(file, db, writer);
            try {
                try (Statement s = db.createStatement()) {
                    s.execute("PRAGMA busy_timeout = 5000");
                    s.execute("PRAGMA journal_mode = WAL");
                    s.execute("PRAGMA synchronous = NORMAL");
                    s.execute("PRAGMA foreign_keys = ON");
                }
                d.migrate();
            } catch (SQLException | StoreException | RuntimeException e) {
                d.close();
                throw e;
            }
            return d;
        } catch (SQLException e) {
            throw new StoreException(file + ": " + describe(e), e);
        }
    }

    /** The schema version this chatroom reads and writes. */
    public static int schemaVersion() {
        return MIGRATIONS.size();
    }

    /**
     * The schema version of the database in dir, read-only: nothing is created, migrated or locked for long. -1 when
     * there is no database yet; a file SQLite cannot read is a StoreException saying why.
     */
    public static int schemaVersionOf(Path dir) throws StoreException {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) return -1;
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection db =
                        DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), readOnly.toProperties());
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new StoreException(file + ": " + describe(e), e);
        }
    }

    private void migrate() throws SQLException, StoreException {
        int version;
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.getInt(1);
        }
        if (version > schemaVersion()) {
            throw new StoreException(
                    file + " has schema version " + version + ", made by a newer chatroom (this one knows up to "
                            + MIGRATIONS.size() + "); refusing to touch it",
                    null);
        }
        for (int v = version; v < MIGRATIONS.size(); v++) {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                for (String sql : MIGRATIONS.get(v)) s.execute(sql);
                s.execute("PRAGMA user_version = " + (v + 1));
                db.commit();
            } catch (SQLException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        }
    }

    /**
     * A consistent copy into a new file (SQLite's VACUUM INTO), readable by its owner only like the database:
     * readers and the writer go on meanwhile.
     */
    public void backupTo(Path target) throws StoreException {
        boolean made;
        try {
            made = PrivateFiles.createFile(target); // VACUUM INTO fills an empty file, keeping its mode
        } catch (NoSuchFileException e) {
            throw new StoreException(target + ": its directory does not exist", e);
        } catch (IOException e) {
            throw new StoreException(target + ": " + e.getMessage(), e);
        }
        try (PreparedStatement s = db.prepareStatement("VACUUM INTO ?")) {
            s.setString(1, target.toAbsolutePath().toString());
            s.execute();
        } catch (SQLException e) {
            if (made) deleteQuietly(target);
            throw new StoreException(target + ": " + describe(e), e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the error being reported says what went wrong; an empty file left behind is harmless
        }
    }

    /** One change, as one transaction. */
    interface Work {
        void run(Connection c) throws SQLException;
    }

    /** Runs w as one transaction on the writer thread; a failure (a full disk) is reported and the caller goes on. */
    void write(String what, Work w, EventSink events) {
        onWriter(() -> transaction(what, w, events));
    }

    /** Runs the task on the writer thread (after everything queued before it); nothing once closed. */
    void onWriter(Runnable task) {
        if (closed) return;
        try {
            writer.execute(task);
        } catch (RejectedExecutionException e) {
            // closing: what was queued before is still written
        }
    }

    /** On the writer thread: w as one transaction; false (reported) when it failed and was rolled back. */
    boolean transaction(String what, Work w, EventSink events) {
        SQLException e = tryTransaction(w);
        if (e == null) return true;
        events.event(Event.error("database_error", "Database: cannot " + what + ": " + describe(e) + " (" + file + ")")
                .with("error", describe(e)));
        return false;
    }

    /**
     * On the writer thread: w as one transaction; null when committed, else why it failed. A failed
     * one is rolled back, which leaves the database as it was (SQLite's promise, a full disk included).
     */
    SQLException tryTransaction(Work w) {
        try {
            db.setAutoCommit(false);
            w.run(db);
            db.commit();
            return null;
        } catch (SQLException e) {
            try {
                db.rollback();
            } catch (SQLException ignored) {
                // SQLite rolled back by itself (it does on a full disk), or the connection is in trouble: e says why
            }
            return e;
        } finally {
            try {
                db.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the next write reports it
            }
        }
    }

    /** A second, read-only connection for queries that must not hold up the writer (WAL: readers see every committed write). */
    Connection openReader() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5000);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    Connection connection() {
        return db;
    }

    public Path file() {
        return file;
    }

    /** SQLite's words for the common failures, as an admin can act on them. */
    static String describe(SQLException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("SQLITE_NOTADB") || m.contains("not a database"))
            return "not a chatroom database (damaged, or another kind of file)";
        if (m.contains("SQLITE_CORRUPT") || m.contains("malformed"))
            return "the database is damaged (restore a backup, or move it away to start empty)";
        if (m.contains("SQLITE_FULL")) return "the disk is full";
        if (m.contains("SQLITE_READONLY") || m.contains("readonly"))
            return "read-only (check the permissions of the file and its directory)";
        if (m.contains("SQLITE_CANTOPEN")) return "cannot be opened (check that the directory exists and is writable)";
        return m;
    }

    /** Writes what is pending (up to a minute: a stop must not lose what was relayed), then closes. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        writer.shutdown();
        try {
            writer.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            db.close();
        } catch (SQLException e) {
            // closing at exit: nothing left to do with the error
        }
    }
}

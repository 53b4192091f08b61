package dev.chatroom.store.sqlite;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.log.EventSink;
import dev.chatroom.store.AccountStore;
import dev.chatroom.store.BanStore;
import dev.chatroom.store.HistoryStore;
import dev.chatroom.store.RoomStore;
import dev.chatroom.store.StoreException;
import dev.chatroom.store.Stores;
import java.util.concurrent.Executor;

/**
 * The embedded stores: everything in {@code <data-dir>/chatroom.db}, one SQLite database with
 * one writer thread, so writes land in the order the event loop made them; the cloak secret
 * beside it, in {@code cloak-secret}.
 */
public final class SqliteStores implements Stores {
    /** The cloak secret's file, in the data dir. */
    public static final String CLOAK_SECRET = "cloak-secret";

    private final Database database;
    private final SqliteAccountStore accounts;
    private final SqliteBanStore bans;
    private final SqliteRoomStore rooms;
    private final HistoryStore history;

    private SqliteStores(Database database, ServerConfig config, Executor loop, EventSink events, boolean inline) {
        this.database = database;
        this.accounts = new SqliteAccountStore(database, events);
        this.bans = new SqliteBanStore(database, config.dataDir(), events);
        this.rooms = new SqliteRoomStore(database, events);
        this.history =
                config.historyDays() > 0 ? new SqliteHistoryStore(database, loop, events, inline) : HistoryStore.NONE;
    }

    /** Opens (or creates) the database in the data dir, or says exactly why it cannot be used; query results go to loop. */
    public static SqliteStores open(ServerConfig config, Executor loop, EventSink events) throws StoreException {
        return new SqliteStores(Database.open(config.dataDir()), config, loop, events, false);
    }

    /** On a database whose writer runs inline, reading on the caller's thread too: in-memory tests see a write when it returns. */
    public static SqliteStores inline(Database database, ServerConfig config, EventSink events) {
        return new SqliteStores(database, config, Runnable::run, events, true);
    }

    @Override
    public AccountStore accounts() {
        return accounts;
    }

    @Override
    public BanStore bans() {
        return bans;
    }

    @Override
    public RoomStore rooms() {
        return rooms;
    }

    @Override
    public HistoryStore history() {
        return history;
    }

    @Override
    public byte[] cloakSecret() throws StoreException {
        return SecretFile.readOrCreate(database.file().resolveSibling(CLOAK_SECRET));
    }

    @Override
    public String where() {
        return database.file().toString();
    }

    /** Writes what is still queued (messages, bans, accounts), then closes the database. */
    @Override
    public void close() {
        if (history instanceof SqliteHistoryStore h) h.close();
        accounts.close();
    }
}

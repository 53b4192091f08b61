package dev.chatroom.server.store;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.server.BanList;
import dev.chatroom.server.EventSink;
import dev.chatroom.server.accounts.AccountStore.StoreException;
import dev.chatroom.server.accounts.Accounts;
import java.util.concurrent.Executor;

/**
 * Everything the server keeps in chatroom.db, opened together at start: accounts and the allow
 * list, bans (an old bans.txt imported once), rooms, and history once the event loop exists.
 */
public final class EmbeddedStores implements AutoCloseable {
    private final Database database;
    private final SqliteAccountStore accountStore;
    private final Accounts accounts;
    private final SqliteBanStore banStore;
    private final BanList bans;
    private final SqliteRoomStore rooms;
    private SqliteHistoryStore history;

    private EmbeddedStores(Database database, SqliteAccountStore accountStore, Accounts accounts, SqliteBanStore banStore, BanList bans,
                           SqliteRoomStore rooms) {
        this.database = database;
        this.accountStore = accountStore;
        this.accounts = accounts;
        this.banStore = banStore;
        this.bans = bans;
        this.rooms = rooms;
    }

    /** Opens the database in the data dir, or says exactly why it cannot be used. */
    public static EmbeddedStores open(ServerConfig config, EventSink events) throws StoreException {
        Database database = Database.open(config.dataDir());
        try {
            SqliteAccountStore accountStore = new SqliteAccountStore(database, events);
            Accounts accounts = new Accounts(accountStore, accountStore.load());
            SqliteBanStore banStore = new SqliteBanStore(database, events);
            BanList bans = banStore.load(config.dataDir());
            if (bans.size() > 0) events.event(bans.size() + " ban(s) loaded from " + database.file());
            return new EmbeddedStores(database, accountStore, accounts, banStore, bans, new SqliteRoomStore(database, events));
        } catch (StoreException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** History, its results handed to the loop; says what is kept. */
    public SqliteHistoryStore history(ServerConfig config, Executor loop, EventSink events) {
        history = new SqliteHistoryStore(database, loop, events, false);
        if (config.historyDays() > 0) {
            events.event("History: kept " + config.historyDays() + " day(s) in " + database.file() + "; joining shows the last " + config.historyReplay()
                    + " message(s) of a room.");
        } else {
            events.event("History: off (--history-days 0); nothing said is stored.");
        }
        return history;
    }

    public Accounts accounts() {
        return accounts;
    }

    public SqliteBanStore banStore() {
        return banStore;
    }

    public BanList bans() {
        return bans;
    }

    public SqliteRoomStore rooms() {
        return rooms;
    }

    /** Writes what is still queued (messages, bans, accounts), then closes the database. */
    @Override
    public void close() {
        if (history != null) history.close();
        accountStore.close();
    }
}

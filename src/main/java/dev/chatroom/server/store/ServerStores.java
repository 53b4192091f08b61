package dev.chatroom.server.store;

import java.util.concurrent.Executor;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.server.BanList;
import dev.chatroom.server.BanStore;
import dev.chatroom.server.EventSink;
import dev.chatroom.server.accounts.AccountStore.StoreException;
import dev.chatroom.server.accounts.Accounts;
import dev.chatroom.server.history.HistoryStore;
import dev.chatroom.server.history.RoomStore;

/** What the server keeps, opened together at start: embedded (chatroom.db) on its own, in Redis in a cluster. */
public interface ServerStores extends AutoCloseable {
    Accounts accounts();

    BanList bans();

    BanStore banStore();

    RoomStore rooms();

    /** History, its results handed to the loop; says what is kept. */
    HistoryStore history(ServerConfig config, Executor loop, EventSink events);

    /** Writes what is still queued, then closes. */
    @Override
    void close();

    static ServerStores open(ServerConfig config, EventSink events) throws StoreException {
        if (config.redis() != null) return dev.chatroom.server.redis.RedisServerStores.open(config, events);
        EmbeddedStores s = EmbeddedStores.open(config, events);
        return new ServerStores() {
            public Accounts accounts() { return s.accounts(); }
            public BanList bans() { return s.bans(); }
            public BanStore banStore() { return s.banStore(); }
            public RoomStore rooms() { return s.rooms(); }
            public HistoryStore history(ServerConfig c, Executor loop, EventSink e) { return s.history(c, loop, e); }
            public void close() { s.close(); }
        };
    }
}

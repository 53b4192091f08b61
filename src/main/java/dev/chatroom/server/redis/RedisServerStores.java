package dev.chatroom.server.redis;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.server.BanList;
import dev.chatroom.server.BanStore;
import dev.chatroom.server.EventSink;
import dev.chatroom.server.accounts.AccountStore.StoreException;
import dev.chatroom.server.accounts.Accounts;
import dev.chatroom.server.history.HistoryQuery;
import dev.chatroom.server.history.HistoryStore;
import dev.chatroom.server.history.RoomStore;
import dev.chatroom.server.history.SearchQuery;
import dev.chatroom.server.history.StoredMessage;
import dev.chatroom.server.history.TargetTime;
import dev.chatroom.server.store.ServerStores;

/** A cluster node's stores: accounts, bans, rooms and history in the cluster's Redis, shared by every node. */
public final class RedisServerStores implements ServerStores {
    private final RedisStores stores;
    private RedisHistoryStore history;

    private RedisServerStores(RedisStores stores) {
        this.stores = stores;
    }

    public static RedisServerStores open(ServerConfig config, EventSink events) throws StoreException {
        return new RedisServerStores(RedisStores.open(config.redis(), events));
    }

    @Override
    public Accounts accounts() {
        return stores.accounts();
    }

    @Override
    public BanList bans() {
        return stores.bans();
    }

    @Override
    public BanStore banStore() {
        return stores.banStore();
    }

    @Override
    public RoomStore rooms() {
        return stores.rooms();
    }

    @Override
    public HistoryStore history(ServerConfig config, Executor loop, EventSink events) {
        history = new RedisHistoryStore(config.redis(), RedisStores.DEFAULT_PREFIX, loop, events);
        events.event(config.historyDays() > 0 ? "History: kept " + config.historyDays() + " day(s) in Redis at " + config.redis() + ", shared by the cluster."
                : "History: off (--history-days 0); nothing said is stored.");
        return new Shared(history);
    }

    @Override
    public void close() {
        if (history != null) history.close();
        stores.close();
    }

    /** Every node reads and writes the same streams: a message is appended once, by its sender's node. */
    private record Shared(RedisHistoryStore store) implements HistoryStore {
        public boolean shared() { return true; }
        public void append(StoredMessage m) { store.append(m); }
        public void query(HistoryQuery q, Consumer<List<StoredMessage>> then) { store.query(q, then); }
        public void targets(List<String> roomKeys, String accountKey, long afterMillis, long beforeMillis, int limit, Consumer<List<TargetTime>> then) {
            store.targets(roomKeys, accountKey, afterMillis, beforeMillis, limit, then);
        }
        public void search(SearchQuery q, Consumer<List<StoredMessage>> then) { store.search(q, then); }
        public List<StoredMessage> recentPerRoom(int perRoom) { return store.recentPerRoom(perRoom); }
        public void prune(long olderThanMillis, int maxPerRoom) { store.prune(olderThanMillis, maxPerRoom); }
        public void purgeAccount(String accountKey) { store.purgeAccount(accountKey); }
        public void purge(String roomKey, String nickKey, Consumer<Integer> then) { store.purge(roomKey, nickKey, then); }
        public boolean behind() { return store.behind(); }
        public void whenCaughtUp(Runnable task) { store.whenCaughtUp(task); }
    }
}

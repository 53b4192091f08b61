package dev.chatroom.testing;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.store.AccountStore;
import dev.chatroom.store.BanStore;
import dev.chatroom.store.Conversation;
import dev.chatroom.store.HistoryQuery;
import dev.chatroom.store.HistoryStore;
import dev.chatroom.store.RoomStore;
import dev.chatroom.store.SearchQuery;
import dev.chatroom.store.SearchResult;
import dev.chatroom.store.StoreException;
import dev.chatroom.store.StoredMessage;
import dev.chatroom.store.Stores;
import dev.chatroom.store.TargetTime;
import dev.chatroom.store.sqlite.Database;
import dev.chatroom.store.sqlite.SqliteStores;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One set of stores for every node of an {@link InMemoryCluster}, as a real cluster's Redis is:
 * a chatroom.db in a directory, written and read inline on the test's thread, its history
 * {@link HistoryStore#shared() shared}, so only a message's sending node appends it. A node
 * stopping leaves it open, as a node leaves Redis running.
 */
final class SharedStores implements AutoCloseable {
    private final Database database;
    private final SqliteStores stores;
    private final HistoryStore history;

    SharedStores(Path dir, ServerConfig config) {
        try {
            database = Database.open(dir, new InlineExecutor());
        } catch (StoreException e) {
            throw new IllegalStateException(e);
        }
        stores = SqliteStores.inline(
                database,
                config,
                System.err::println); // no console of its own: a store's complaint shows in the test's output
        history = shared(stores.history());
    }

    /** What one node opens: the same records, closed only with the cluster. */
    Stores forNode() {
        return new Stores() {
            public AccountStore accounts() {
                return stores.accounts();
            }

            public BanStore bans() {
                return stores.bans();
            }

            public RoomStore rooms() {
                return stores.rooms();
            }

            public HistoryStore history() {
                return history;
            }

            public byte[] cloakSecret() throws StoreException {
                return stores.cloakSecret();
            }

            public String where() {
                return "the cluster's shared stores";
            }

            public void close() {}
        };
    }

    private static HistoryStore shared(HistoryStore store) {
        return new HistoryStore() {
            @Override
            public long append(StoredMessage m) {
                return store.append(m);
            }

            @Override
            public void whenWritten(Written w) {
                store.whenWritten(w);
            }

            @Override
            public void query(HistoryQuery q, Consumer<List<StoredMessage>> then) {
                store.query(q, then);
            }

            @Override
            public void targets(
                    List<String> roomKeys,
                    String accountKey,
                    long afterMillis,
                    long beforeMillis,
                    int limit,
                    Consumer<List<TargetTime>> then) {
                store.targets(roomKeys, accountKey, afterMillis, beforeMillis, limit, then);
            }

            @Override
            public void search(SearchQuery q, Consumer<SearchResult> then) {
                store.search(q, then);
            }

            @Override
            public List<StoredMessage> recentPerRoom(int perRoom) {
                return store.recentPerRoom(perRoom);
            }

            @Override
            public void prune(long olderThanMillis, int maxPerRoom) {
                store.prune(olderThanMillis, maxPerRoom);
            }

            @Override
            public void purgeAccount(String accountKey) {
                store.purgeAccount(accountKey);
            }

            @Override
            public void find(Conversation conv, String msgid, Consumer<Optional<StoredMessage>> then) {
                store.find(conv, msgid, then);
            }

            @Override
            public void redact(StoredMessage m) {
                store.redact(m);
            }

            @Override
            public void purge(String roomKey, String nickKey, Consumer<Integer> then) {
                store.purge(roomKey, nickKey, then);
            }

            @Override
            public boolean shared() {
                return true;
            }
        };
    }

    @Override
    public void close() {
        stores.close();
    }
}

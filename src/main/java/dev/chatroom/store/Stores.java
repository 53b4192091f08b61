package dev.chatroom.store;

import java.security.SecureRandom;
import java.util.List;

/**
 * Everything the server keeps between runs, behind one contract: accounts and the allow list,
 * bans, rooms, history and the cloak secret. Two implementations sit side by side, {@code store.sqlite} (the
 * embedded default, one chatroom.db in the data dir) and {@code store.redis} (a cluster's shared
 * Redis); the server's composition root picks one. Every method is called on the event loop and
 * never makes it wait for the disk or the network: writes are queued, reads at start block once,
 * and query results come back as tasks on the loop.
 *
 * <p>A new kind of record is its value here, its interface here with an accessor below, one
 * implementation in each of the two packages, and a migration in {@code sqlite.Migrations}.
 */
public interface Stores extends AutoCloseable {
    AccountStore accounts();

    BanStore bans();

    RoomStore rooms();

    HistoryStore history();

    /**
     * The secret hosts are cloaked with: made at random the first time and the same from then on,
     * on every start and on every node of a cluster, so that a cloak stays what it was and a ban on
     * it keeps matching. Read once, at start.
     */
    byte[] cloakSecret() throws StoreException;

    /** Where the records are, for the admin: a file, or a Redis address. */
    String where();

    /** Writes what is still queued, then closes. */
    @Override
    void close();

    /** A new secret for {@link #cloakSecret()}: 256 bits, as HMAC-SHA256 takes them. */
    static byte[] newSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** Keeps nothing: a server with no data dir (in-memory tests, tools). */
    static Stores none() {
        return new Stores() {
            private final byte[] secret = newSecret();

            private final BanStore bans = new BanStore() {
                @Override
                public List<ServerBan> load() {
                    return List.of();
                }

                @Override
                public void save(List<ServerBan> list) {}
            };

            @Override
            public AccountStore accounts() {
                return AccountStore.NONE;
            }

            @Override
            public BanStore bans() {
                return bans;
            }

            @Override
            public RoomStore rooms() {
                return RoomStore.NONE;
            }

            @Override
            public HistoryStore history() {
                return HistoryStore.NONE;
            }

            @Override
            public byte[] cloakSecret() {
                return secret;
            }

            @Override
            public String where() {
                return "nowhere (nothing is kept)";
            }

            @Override
            public void close() {}
        };
    }
}

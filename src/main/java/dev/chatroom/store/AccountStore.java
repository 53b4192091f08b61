package dev.chatroom.store;

import java.util.List;

/**
 * Where accounts and the allow list are kept. Reads happen once, at start; every change after
 * that is handed over and written on the store's own thread, so the event loop never waits for
 * the disk. Implemented in SQLite ({@code store.sqlite}) and Redis ({@code store.redis}).
 */
public interface AccountStore extends AutoCloseable {
    record Contents(
            List<Account> accounts,
            List<AllowEntry> allowList,
            List<Presence> presences,
            List<ReadMarker> readMarkers) {
        public Contents(List<Account> accounts, List<AllowEntry> allowList) {
            this(accounts, allowList, List.of(), List.of());
        }
    }

    Contents load() throws StoreException;

    void save(Account a);

    /** Removes the account, and its read markers with it. */
    void deleteAccount(String key);

    void save(AllowEntry e);

    void deleteAllowEntry(String key);

    /** Keeps an account's presence (its always-on choice, and what a restart brings back). */
    void save(Presence p);

    void deletePresence(String key);

    /** Keeps a read marker; one already further on stays as it is. */
    void save(ReadMarker m);

    /** Forgets one read marker of an account (it had too many). */
    void deleteReadMarker(String account, String target);

    /** Writes what is pending, then stops. */
    @Override
    void close();

    /** Keeps nothing (in-memory tests, tools). */
    AccountStore NONE = new AccountStore() {
        @Override
        public Contents load() {
            return new Contents(List.of(), List.of());
        }

        @Override
        public void save(Account a) {}

        @Override
        public void deleteAccount(String key) {}

        @Override
        public void save(AllowEntry e) {}

        @Override
        public void deleteAllowEntry(String key) {}

        @Override
        public void save(Presence p) {}

        @Override
        public void deletePresence(String key) {}

        @Override
        public void save(ReadMarker m) {}

        @Override
        public void deleteReadMarker(String account, String target) {}

        @Override
        public void close() {}
    };
}

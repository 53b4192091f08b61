package dev.chatroom.server.accounts;

import java.util.List;

/**
 * Where accounts and the allow list are kept. Reads happen once, at start; every change after
 * that is handed over and written on the store's own thread, so the event loop never waits for
 * the disk. The embedded implementation is SQLite ({@code store.SqliteAccountStore}).
 */
public interface AccountStore extends AutoCloseable {
    record Contents(List<Account> accounts, List<AllowEntry> allowList) {}

    Contents load() throws StoreException;

    void save(Account a);

    void deleteAccount(String key);

    void save(AllowEntry e);

    void deleteAllowEntry(String key);

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
        public void close() {}
    };

    /** The store cannot be read or written; the message says what and where, for the admin. */
    final class StoreException extends Exception {
        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

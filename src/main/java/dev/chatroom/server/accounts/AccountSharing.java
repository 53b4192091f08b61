package dev.chatroom.server.accounts;

import dev.chatroom.store.Account;
import java.util.function.Consumer;

/**
 * How new and changed accounts reach the other servers of a cluster. On one server there is
 * nothing to reach ({@link #NONE}): a new account is created on the spot.
 */
public interface AccountSharing {
    /**
     * Starts creating a on every server, first come first served: done gets true when a is
     * created, false when the name was taken first (possibly on another server). False when it
     * cannot be shared now: then it is created here alone.
     */
    boolean create(Account a, Consumer<Boolean> done);

    /** a was changed here (and saved): the other servers take it over. */
    void changed(Account a);

    AccountSharing NONE = new AccountSharing() {
        @Override
        public boolean create(Account a, Consumer<Boolean> done) {
            return false;
        }

        @Override
        public void changed(Account a) {}
    };
}

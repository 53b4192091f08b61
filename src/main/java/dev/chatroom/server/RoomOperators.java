package dev.chatroom.server;

import dev.chatroom.irc.Casemapping;
import java.util.List;
import java.util.TreeSet;

/**
 * The accounts a room remembers as its operators, so that whoever was an operator is one again after a restart (a
 * connection's {@code @} does not outlive it). Kept by case-folded account name, in order, so a saved room reads the
 * same on every node. Changed by {@link Room} only.
 */
final class RoomOperators {
    private final TreeSet<String> accounts = new TreeSet<>();

    /** Whether account (null: none) is one of them. */
    boolean contains(String account) {
        return account != null && accounts.contains(Casemapping.fold(account));
    }

    boolean isEmpty() {
        return accounts.isEmpty();
    }

    /** Remembers or forgets account; false when nothing changed (or account is null: a member who is not logged in). */
    boolean set(String account, boolean operator) {
        if (account == null) return false;
        String key = Casemapping.fold(account);
        return operator ? accounts.add(key) : accounts.remove(key);
    }

    List<String> list() {
        return List.copyOf(accounts);
    }

    void restore(List<String> saved) {
        accounts.clear();
        for (String a : saved) set(a, true);
    }
}

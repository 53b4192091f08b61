package dev.chatroom.store;

import java.util.List;

/**
 * Words to find in the conversations a user may read (its rooms, its account's private
 * conversations), optionally only from one sender and between two times.
 *
 * @param fromKey only messages from this folded nick; null for anyone
 * @param correspondentKey only the account's private conversation with this folded nick; null for all
 * @param afterMillis only after this time (exclusive); -1 for no bound
 * @param beforeMillis only before this time (exclusive); -1 for no bound
 */
public record SearchQuery(
        String words,
        List<String> roomKeys,
        String accountKey,
        String fromKey,
        long afterMillis,
        long beforeMillis,
        int limit,
        String correspondentKey) {}

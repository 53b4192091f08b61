package dev.chatroom.store;

import java.util.List;

/**
 * What a search found: the newest matches, oldest first; cutShort when it stopped at one of its
 * {@link SearchLimits} before it had looked through everything, so older matches may exist.
 */
public record SearchResult(List<StoredMessage> messages, boolean cutShort) {
    public static final SearchResult NONE = new SearchResult(List.of(), false);
}

package dev.chatroom.store;

/** One CHATHISTORY request: which way from which point(s), in which conversation, how many at most. */
public record HistoryQuery(Kind kind, Conversation conversation, MessageRef from, MessageRef to, int limit) {
    public enum Kind {
        LATEST,
        BEFORE,
        AFTER,
        AROUND,
        BETWEEN
    }
}

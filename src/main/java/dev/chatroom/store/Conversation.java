package dev.chatroom.store;

/**
 * Whose history a query reads: a room, or one account's private conversation with a nick
 * (ergo's model: the account keeps its side of a conversation, whoever the other side was).
 * All names are case-folded.
 */
public record Conversation(String roomKey, String accountKey, String correspondentKey) {
    public static Conversation room(String roomKey) {
        return new Conversation(roomKey, null, null);
    }

    public static Conversation direct(String accountKey, String correspondentKey) {
        return new Conversation(null, accountKey, correspondentKey);
    }

    public boolean isRoom() {
        return roomKey != null;
    }
}

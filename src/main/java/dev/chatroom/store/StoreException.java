package dev.chatroom.store;

/** A store cannot be read or written; the message says what and where, for the admin. */
public final class StoreException extends Exception {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

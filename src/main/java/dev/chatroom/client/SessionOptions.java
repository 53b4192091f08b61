package dev.chatroom.client;

/** How a {@link Session} behaves; {@link #defaults()} is what `chatroom join` uses without flags. */
public record SessionOptions(
        boolean reconnect, long registrationTimeoutMillis, long firstRetryMillis, long maxRetryMillis) {
    public static SessionOptions defaults() {
        return new SessionOptions(true, 30_000, 1_000, 30_000);
    }
}

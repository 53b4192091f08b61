package dev.chatroom.client;

/**
 * How a {@link Session} behaves; {@link #defaults()} is what `chatroom join` uses without flags.
 * typing: send and show typing notifications (off with --no-typing).
 */
public record SessionOptions(
        boolean reconnect, long registrationTimeoutMillis, long firstRetryMillis, long maxRetryMillis, boolean typing) {
    public SessionOptions(
            boolean reconnect, long registrationTimeoutMillis, long firstRetryMillis, long maxRetryMillis) {
        this(reconnect, registrationTimeoutMillis, firstRetryMillis, maxRetryMillis, true);
    }

    public static SessionOptions defaults() {
        return new SessionOptions(true, 30_000, 1_000, 30_000);
    }
}

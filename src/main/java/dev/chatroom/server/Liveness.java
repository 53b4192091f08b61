package dev.chatroom.server;

/**
 * Whether a client is still there, as {@link KeepAlive} sees it: when something last arrived
 * from it, and the PING it has not answered yet.
 */
final class Liveness {
    private long lastReadNanos;
    private long pingSentNanos;
    private boolean awaitingPong;

    Liveness(long nowNanos) {
        this.lastReadNanos = nowNanos;
    }

    /** Something arrived: the client is alive. */
    void heard(long nowNanos) {
        lastReadNanos = nowNanos;
        awaitingPong = false;
    }

    void pinged(long nowNanos) {
        pingSentNanos = nowNanos;
        awaitingPong = true;
    }

    /** Our PING has gone unanswered for the timeout. */
    boolean pingTimedOut(long nowNanos, long timeoutNanos) {
        return awaitingPong && nowNanos - pingSentNanos >= timeoutNanos;
    }

    /** Silent for the interval, and no PING out yet: time to send one. */
    boolean pingDue(long nowNanos, long intervalNanos) {
        return !awaitingPong && nowNanos - lastReadNanos >= intervalNanos;
    }
}

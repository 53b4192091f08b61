package dev.chatroom.server.flow;

/**
 * Whether a client is still there, as the keepalive sees it: when something last arrived
 * from it, and the PING it has not answered yet.
 */
public final class Liveness {
    private long lastReadNanos;
    private long pingSentNanos;
    private boolean awaitingPong;

    public Liveness(long nowNanos) {
        this.lastReadNanos = nowNanos;
    }

    /** Something arrived: the client is alive. */
    public void heard(long nowNanos) {
        lastReadNanos = nowNanos;
        awaitingPong = false;
    }

    public void pinged(long nowNanos) {
        pingSentNanos = nowNanos;
        awaitingPong = true;
    }

    /** Our PING has gone unanswered for the timeout. */
    public boolean pingTimedOut(long nowNanos, long timeoutNanos) {
        return awaitingPong && nowNanos - pingSentNanos >= timeoutNanos;
    }

    /** Silent for the interval, and no PING out yet: time to send one. */
    public boolean pingDue(long nowNanos, long intervalNanos) {
        return !awaitingPong && nowNanos - lastReadNanos >= intervalNanos;
    }
}

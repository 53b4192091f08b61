package dev.chatroom.server.flow;

/**
 * A token bucket: up to {@code burst} lines at once, then {@code perSecond} sustained. Time is
 * passed in (nanoseconds), so tests drive it with a manual clock.
 */
public final class FloodGate {
    private final double burst;
    private final double tokensPerNano;
    private double tokens;
    private long last;

    public FloodGate(int burst, double perSecond, long nowNanos) {
        this.burst = burst;
        this.tokensPerNano = perSecond / 1e9;
        this.tokens = burst;
        this.last = nowNanos;
    }

    /** Takes one token if there is one. */
    public boolean tryTake(long nowNanos) {
        return tryTake(1, nowNanos);
    }

    /**
     * Takes n tokens at once (a multiline batch's share) if there are n, or a full bucket's worth
     * when n is more than the bucket holds: the balance may go below zero, and what follows waits.
     */
    public boolean tryTake(int n, long nowNanos) {
        refill(nowNanos);
        if (tokens < Math.min(n, burst)) return false;
        tokens -= n;
        return true;
    }

    /** How long until n tokens are available (as {@link #tryTake(int, long)} counts them). */
    public long nanosUntil(int n, long nowNanos) {
        refill(nowNanos);
        double need = Math.min(n, burst);
        return tokens >= need ? 0 : (long) Math.ceil((need - tokens) / tokensPerNano);
    }

    /** How long until a token is available (0 if one is). */
    public long nanosUntilToken(long nowNanos) {
        return nanosUntil(1, nowNanos);
    }

    /** Whether the bucket is full: as if nothing had been taken lately. */
    public boolean full(long nowNanos) {
        refill(nowNanos);
        return tokens >= burst;
    }

    private void refill(long now) {
        if (now > last) {
            tokens = Math.min(burst, tokens + (now - last) * tokensPerNano);
            last = now;
        }
    }
}

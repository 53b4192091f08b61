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
        refill(nowNanos);
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }

    /** How long until a token is available (0 if one is). */
    public long nanosUntilToken(long nowNanos) {
        refill(nowNanos);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / tokensPerNano);
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

package dev.chatroom.server.accounts;

import java.util.HashMap;
import java.util.Map;

/**
 * Failed logins, counted per address and per account over a window. Every failure is answered
 * only after {@link #FAILURE_DELAY_NANOS}, so one connection guesses at most once a second; an
 * address with {@link #MAX_PER_ADDRESS} recent failures is refused outright, and an account with
 * {@link #MAX_PER_ACCOUNT} (from anywhere: many addresses guessing one password) stops taking
 * password logins for the rest of the window. Certificate logins (SASL EXTERNAL) are never held
 * back by it, so the owner can still get in while someone guesses. Times come from the clock.
 */
public final class LoginThrottle {
    public static final long FAILURE_DELAY_NANOS = 1_000_000_000L;
    public static final int MAX_PER_ADDRESS = 10;
    public static final int MAX_PER_ACCOUNT = 30;
    public static final long WINDOW_NANOS = 10 * 60 * 1_000_000_000L;
    private static final int MAX_TRACKED = 10_000;

    private record Failures(int count, long lastNanos) {}

    private final Map<String, Failures> byAddress = new HashMap<>();
    private final Map<String, Failures> byAccount = new HashMap<>();

    /** Why a password login may not be tried now; null when it may. */
    public String refusal(String address, String accountKey, long nowNanos) {
        Failures a = recent(byAddress, address, nowNanos);
        if (a != null && a.count >= MAX_PER_ADDRESS)
            return "Too many failed logins from your address; try again in 10 minutes";
        Failures k = accountKey == null ? null : recent(byAccount, accountKey, nowNanos);
        if (k != null && k.count >= MAX_PER_ACCOUNT)
            return "Too many failed logins to this account; password logins to it are paused for 10 minutes";
        return null;
    }

    /** Records a failure; returns the counts after it, {address, account}. */
    public int[] failed(String address, String accountKey, long nowNanos) {
        int a = bump(byAddress, address, nowNanos);
        int k = accountKey == null ? 0 : bump(byAccount, accountKey, nowNanos);
        return new int[] {a, k};
    }

    /** A successful login forgets the account's failures (not the address's: an attacker may own one account). */
    public void succeeded(String accountKey) {
        byAccount.remove(accountKey);
    }

    private static int bump(Map<String, Failures> map, String key, long now) {
        Failures f = recent(map, key, now);
        Failures next = new Failures(f == null ? 1 : f.count + 1, now);
        map.put(key, next);
        return next.count;
    }

    private static Failures recent(Map<String, Failures> map, String key, long now) {
        Failures f = map.get(key);
        if (f != null && now - f.lastNanos > WINDOW_NANOS) {
            map.remove(key);
            return null;
        }
        if (map.size() > MAX_TRACKED) map.values().removeIf(x -> now - x.lastNanos > WINDOW_NANOS);
        return f;
    }
}

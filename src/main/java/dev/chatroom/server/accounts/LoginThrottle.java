package dev.chatroom.server.accounts;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * Failed password checks (logins, and a wrong current password given to SETPASS), counted over a
 * window per address, per account and per (account, address). Each failure is answered after a
 * delay that doubles with the failures of its (account, address), so guessing from one place
 * slows down fast while nobody else is delayed. An address with {@link #MAX_PER_ADDRESS} recent
 * failures is refused outright. An account with {@link #MAX_PER_ACCOUNT} (many addresses guessing
 * one password) stops taking password logins for the rest of the window, except from addresses
 * that logged in to it before: guessing must never lock the owner out, and a pause anyone can
 * renew would. Certificate and ssh-key logins never pass through here. Times come from the clock.
 */
public final class LoginThrottle {
    public static final long FAILURE_DELAY_NANOS = 1_000_000_000L;
    /** The delay doubles with each failure of an (account, address) this many times at most: 1, 2, 4, 8, 16 s. */
    static final int MAX_DOUBLINGS = 4;

    public static final int MAX_PER_ADDRESS = 10;
    public static final int MAX_PER_ACCOUNT = 30;
    public static final long WINDOW_NANOS = 10 * 60 * 1_000_000_000L;
    /** Addresses remembered per account as its owner's: home, work, a phone, a few more. */
    static final int KNOWN_ADDRESSES = 8;

    private static final int MAX_TRACKED = 10_000;

    private record Failures(int count, long lastNanos) {}

    /** A failure just counted: how many there were lately, and how long to wait before saying so. */
    public record Failure(int fromAddress, int toAccount, long delayNanos) {}

    private final Map<String, Failures> byAddress = new HashMap<>();
    private final Map<String, Failures> byAccount = new HashMap<>();
    private final Map<String, Failures> byPair = new HashMap<>();
    /** Per account, the addresses that logged in to it lately, oldest first; the accounts least recently used go first. */
    private final Map<String, LinkedHashSet<String>> knownAddresses = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LinkedHashSet<String>> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    /** Why a password check for accountKey may not be tried from address now; null when it may. */
    public String refusal(String address, String accountKey, long nowNanos) {
        Failures a = recent(byAddress, address, nowNanos);
        if (a != null && a.count >= MAX_PER_ADDRESS)
            return "Too many failed logins from your address; try again in 10 minutes";
        Failures k = recent(byAccount, accountKey, nowNanos);
        if (k != null && k.count >= MAX_PER_ACCOUNT && !known(accountKey, address))
            return "Too many failed logins to this account; password logins to it are paused for 10 minutes";
        return null;
    }

    /** Records a failure of a password check for accountKey from address. */
    public Failure failed(String address, String accountKey, long nowNanos) {
        int a = bump(byAddress, address, nowNanos);
        int k = bump(byAccount, accountKey, nowNanos);
        int pair = bump(byPair, accountKey + " " + address, nowNanos);
        return new Failure(a, k, FAILURE_DELAY_NANOS << Math.min(pair - 1, MAX_DOUBLINGS));
    }

    /**
     * A login to accountKey from address succeeded (by any means): the address is the owner's from
     * now on, and the account's failures are forgotten (not the address's: an attacker may own
     * one account and guess another's password).
     */
    public void succeeded(String accountKey, String address) {
        byAccount.remove(accountKey);
        byPair.remove(accountKey + " " + address);
        LinkedHashSet<String> known = knownAddresses.computeIfAbsent(accountKey, k -> new LinkedHashSet<>());
        known.remove(address);
        known.add(address);
        if (known.size() > KNOWN_ADDRESSES) known.remove(known.iterator().next());
    }

    /** Whether address logged in to accountKey lately. */
    boolean known(String accountKey, String address) {
        LinkedHashSet<String> known = knownAddresses.get(accountKey);
        return known != null && known.contains(address);
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

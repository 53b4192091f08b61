package dev.chatroom.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/**
 * The server password: compared in constant time (digests of equal length, so neither content
 * nor length leaks through timing), with failures counted per address. Each failure is answered
 * only after a delay, and an address with too many recent failures is refused for a while, so
 * guessing from one address gets a handful of tries every few minutes instead of thousands a second.
 */
final class PasswordGuard {
    static final long FAILURE_DELAY_NANOS = 1_000_000_000L;
    static final int MAX_FAILURES = 10;
    static final long LOCKOUT_NANOS = 10 * 60 * 1_000_000_000L;

    private record Failures(int count, long lastNanos) {}

    private final byte[] expected;
    private final Map<String, Failures> byAddress = new HashMap<>();

    PasswordGuard(String password) {
        this.expected = password == null ? null : digest(password);
    }

    boolean required() {
        return expected != null;
    }

    boolean matches(String given) {
        return expected != null && given != null && MessageDigest.isEqual(expected, digest(given));
    }

    /** Records a failure from host; returns how many there have been lately. */
    int failed(String host, long nowNanos) {
        Failures f = recent(host, nowNanos);
        Failures next = new Failures(f == null ? 1 : f.count + 1, nowNanos);
        byAddress.put(host, next);
        return next.count;
    }

    /** True while host has used up its tries. */
    boolean lockedOut(String host, long nowNanos) {
        Failures f = recent(host, nowNanos);
        return f != null && f.count >= MAX_FAILURES;
    }

    /** Failures older than the lockout are forgotten, so the map cannot grow without bound. */
    private Failures recent(String host, long nowNanos) {
        Failures f = byAddress.get(host);
        if (f != null && nowNanos - f.lastNanos > LOCKOUT_NANOS) {
            byAddress.remove(host);
            return null;
        }
        if (byAddress.size() > 10_000) byAddress.values().removeIf(x -> nowNanos - x.lastNanos > LOCKOUT_NANOS);
        return f;
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

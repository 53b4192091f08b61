package dev.chatroom.store.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The cluster's Redis as {@code --redis} names it: one Redis ({@code redis://host:6379}, {@code rediss://} with TLS) or
 * the primary a group of Sentinels points to ({@code redis-sentinel://host:26379,host:26380/0#mymaster}, {@code
 * rediss-sentinel://} with TLS to the Sentinels and to Redis). Lettuce asks the Sentinels for the primary at every
 * connection, so a reconnection after a failover reaches the new primary; the bus, the stores and history all connect
 * through here and follow it alike.
 */
public final class RedisAddress {
    /**
     * How soon a lost connection is tried again: at once, then backing off to once a second, so a Redis that is back
     * (or a replica Sentinel promoted) is in use within a second of being reachable.
     */
    public static final Delay RECONNECT_DELAY =
            Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS);

    private RedisAddress() {}

    /** Lettuce's reading of uri; an IllegalArgumentException names what is wrong. */
    public static RedisURI parse(String uri) {
        return RedisURI.create(uri);
    }

    /**
     * Where target leads, with no user name or password, for messages: {@code redis://host:6379}, {@code
     * redis-sentinel://host:26379,host:26380#mymaster}.
     */
    public static String where(RedisURI target) {
        if (target.getSentinels().isEmpty())
            return (target.isSsl() ? "rediss://" : "redis://") + target.getHost() + ":" + target.getPort();
        StringBuilder s = new StringBuilder(target.isSsl() ? "rediss-sentinel://" : "redis-sentinel://");
        for (RedisURI sentinel : target.getSentinels()) {
            if (s.charAt(s.length() - 1) != '/') s.append(',');
            s.append(sentinel.getHost()).append(':').append(sentinel.getPort());
        }
        return s.append('#').append(target.getSentinelMasterId()).toString();
    }

    /** Whether uri gives Redis a password (redis://user:password@host, redis://:password@host, the same for Sentinel). */
    public static boolean asksForPassword(String uri) {
        int start = uri.indexOf("://") + 3;
        int at = uri.lastIndexOf('@', authorityEnd(uri, start) - 1);
        if (at < start) return false;
        String who = uri.substring(start, at);
        return !who.isEmpty() && !who.endsWith(":");
    }

    /** Whether uri goes through Sentinel. */
    public static boolean sentinel(String uri) {
        return uri.startsWith("redis-sentinel://") || uri.startsWith("rediss-sentinel://");
    }

    private static int authorityEnd(String uri, int start) {
        int end = uri.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = uri.indexOf(c, start);
            if (i >= 0 && i < end) end = i;
        }
        return end;
    }
}

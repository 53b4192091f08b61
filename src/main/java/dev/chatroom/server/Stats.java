package dev.chatroom.server;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** Counters for /stats. Touched only on the event loop. */
public final class Stats {
    private final long startedMillis;
    private long messagesRelayed;
    private long bytesIn;
    private long bytesOut;
    private final Map<DisconnectReason, Long> disconnects = new EnumMap<>(DisconnectReason.class);
    private final Map<String, Long> internalErrors = new TreeMap<>();
    private final Map<String, Long> clusterRefusals = new TreeMap<>();

    public Stats(long startedMillis) {
        this.startedMillis = startedMillis;
    }

    public void relayed() {
        messagesRelayed++;
    }

    public void bytesIn(long n) {
        bytesIn += n;
    }

    public void bytesOut(long n) {
        bytesOut += n;
    }

    public void disconnected(DisconnectReason reason) {
        disconnects.merge(reason, 1L, Long::sum);
    }

    public long startedMillis() {
        return startedMillis;
    }

    public long messagesRelayed() {
        return messagesRelayed;
    }

    public long bytesIn() {
        return bytesIn;
    }

    public long bytesOut() {
        return bytesOut;
    }

    /** A bug: a command's handler threw. Counted by kind ("PRIVMSG: IllegalArgumentException"). */
    public long internalError(String kind) {
        return internalErrors.merge(kind, 1L, Long::sum);
    }

    public Map<String, Long> internalErrors() {
        return Collections.unmodifiableMap(internalErrors);
    }

    /** A cluster event dropped by why ("replayed"): forged, replayed, out of time. Returns how many so far. */
    public long clusterEventRefused(String why) {
        return clusterRefusals.merge(why, 1L, Long::sum);
    }

    public Map<String, Long> clusterRefusals() {
        return Collections.unmodifiableMap(clusterRefusals);
    }

    public Map<DisconnectReason, Long> disconnects() {
        return Collections.unmodifiableMap(disconnects);
    }
}

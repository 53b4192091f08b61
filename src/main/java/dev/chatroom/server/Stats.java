package dev.chatroom.server;

import java.util.Map;
import java.util.TreeMap;

/** Counters for /stats. Touched only on the event loop. */
public final class Stats {
    private final long startedMillis;
    private long messagesRelayed;
    private long bytesIn;
    private long bytesOut;
    private final Map<String, Long> disconnects = new TreeMap<>();

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

    public void disconnected(String kind) {
        disconnects.merge(kind, 1L, Long::sum);
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

    public Map<String, Long> disconnects() {
        return disconnects;
    }
}

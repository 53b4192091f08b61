package dev.chatroom.server;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counters for /stats and the metrics. Touched only on the event loop: plain fields, so counting costs nothing
 * measurable on the fan-out path (the metrics read them with a task on the loop).
 */
public final class Stats {
    private final long startedMillis;
    private long messagesRelayed;
    private long bytesIn;
    private long bytesOut;
    private long deliveries;
    private long accountsRegistered;
    private long loginsFailed;
    private long busEvents;
    private final Map<DisconnectReason, Long> disconnects = new EnumMap<>(DisconnectReason.class);
    private final Map<String, Long> internalErrors = new TreeMap<>();
    private final Map<String, Long> clusterRefusals = new TreeMap<>();

    public Stats(long startedMillis) {
        this.startedMillis = startedMillis;
    }

    public void relayed() {
        messagesRelayed++;
    }

    /** n copies of a relayed message queued for its recipients (the sender's echo not counted). */
    public void delivered(int n) {
        deliveries += n;
    }

    public void accountRegistered() {
        accountsRegistered++;
    }

    /** A login (or a password check) refused: a wrong password, a locked-out try, an unknown certificate. */
    public void loginFailed() {
        loginsFailed++;
    }

    /** An event of the cluster's bus applied here. */
    public void busEvent() {
        busEvents++;
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

    public long deliveries() {
        return deliveries;
    }

    public long accountsRegistered() {
        return accountsRegistered;
    }

    public long loginsFailed() {
        return loginsFailed;
    }

    public long busEvents() {
        return busEvents;
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

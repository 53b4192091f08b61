package dev.chatroom.metrics;

import dev.chatroom.server.Connection;
import dev.chatroom.server.DisconnectReason;
import dev.chatroom.server.Hub;
import dev.chatroom.server.Stats;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the metrics show, read at one moment on the event loop (the only thread that may touch the hub) and handed
 * to the HTTP thread as a value: one task per scrape, and nothing added to the work of relaying a message.
 */
record Readings(
        Map<String, Long> connections,
        long users,
        long pendingApprovals,
        long rooms,
        long messages,
        long deliveries,
        long bytesSent,
        long bytesReceived,
        Map<String, Long> disconnects,
        long registrations,
        long loginsFailed,
        long historyQueue,
        long historyPaused,
        long outputBudgetUsed,
        boolean clustered,
        long clusterNodes,
        long busEvents) {

    /** The transports a connection comes by, in the order they are shown. */
    static final String PLAIN = "plain", TLS = "tls", SSH = "ssh", WEBSOCKET = "websocket";

    /** On the event loop. */
    static Readings of(Hub hub, long outputQueued) {
        Map<String, Long> connections = new LinkedHashMap<>();
        for (String t : new String[] {PLAIN, TLS, SSH, WEBSOCKET}) connections.put(t, 0L);
        for (Connection c : hub.users().all()) {
            if (!c.isRemote() && !c.socketless()) connections.merge(transport(c), 1L, Long::sum);
        }
        Stats stats = hub.stats();
        Map<String, Long> disconnects = new LinkedHashMap<>();
        for (DisconnectReason r : DisconnectReason.values())
            disconnects.put(r.key(), stats.disconnects().getOrDefault(r, 0L));
        return new Readings(
                connections,
                hub.users().localRegistered(),
                hub.gate().approvals().size(),
                hub.rooms().count(),
                stats.messagesRelayed(),
                stats.deliveries(),
                stats.bytesOut(),
                stats.bytesIn(),
                disconnects,
                stats.accountsRegistered(),
                stats.loginsFailed(),
                hub.history().store().waiting(),
                hub.history().store().pausedReason() == null ? 0 : 1,
                outputQueued,
                hub.config().redis() != null,
                hub.replication().servers(),
                stats.busEvents());
    }

    private static String transport(Connection c) {
        if (c.sshKey() != null) return SSH;
        if (c.link().websocket()) return WEBSOCKET;
        return c.secure() ? TLS : PLAIN;
    }
}

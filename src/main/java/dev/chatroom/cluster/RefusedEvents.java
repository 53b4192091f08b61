package dev.chatroom.cluster;

import dev.chatroom.cluster.SealedBus.Refusal;
import dev.chatroom.log.Event;
import dev.chatroom.server.Hub;
import java.util.EnumMap;
import java.util.Map;

/**
 * Bus events the {@link SealedBus} dropped: counted for /stats, and told to the admin at most once a minute per
 * reason, since whoever publishes them can publish thousands. On the event loop.
 */
final class RefusedEvents {
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final Hub hub;
    private final Map<Refusal, Long> toldAtNanos = new EnumMap<>(Refusal.class);

    RefusedEvents(Hub hub) {
        this.hub = hub;
    }

    void refused(Refusal why) {
        long count = hub.stats().clusterEventRefused(why.label());
        long now = hub.clock().nanos();
        Long told = toldAtNanos.get(why);
        if (told != null && now - told < MINUTE_NANOS) return;
        toldAtNanos.put(why, now);
        hub.events()
                .event(Event.warn(
                                "cluster_event_refused",
                                "Cluster: dropped an event " + why.label() + " on the bus (" + count
                                        + " so far; /stats counts them): " + meaning(why))
                        .reason(why.label())
                        .with("count", count));
    }

    private static String meaning(Refusal why) {
        return switch (why) {
            case FORGED -> "someone who can reach Redis but has not the cluster secret, or a server with another one.";
            case REPLAYED -> "a copy of an event already taken, published again.";
            case OUT_OF_TIME -> "too old or too far ahead: check that the servers' clocks agree (NTP).";
        };
    }
}

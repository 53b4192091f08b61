package dev.chatroom.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javax.crypto.Mac;

/**
 * A bus whose events carry a MAC made with the cluster's secret over a stamp that makes each usable once: this
 * run's id (random, new at each start), a counter and the time. Whoever can reach Redis can publish on its channel;
 * without the secret they cannot make an event the nodes take, and a valid event they captured is refused when
 * published again: its run's counter has passed it, or it is out of time. An event is dropped, and the refusal
 * reported, when
 *
 * <ul>
 *   <li>its MAC is not valid (forged, or from a server with another secret);
 *   <li>it is stamped more than {@link #TOLERANCE_MILLIS} from our clock (the servers' clocks must agree: NTP);
 *   <li>its run's counter is not past the last one heard (a replay), or its run is new to us and it was stamped
 *       before we subscribed, give or take {@link #SKEW_MILLIS} (pub/sub could not have brought it to us: a replay
 *       made before we heard that run's heartbeat).
 * </ul>
 *
 * The order of the checks matters: nothing of an event counts before its MAC is found valid, so forgeries cannot
 * move a run's counter. On the wire: {@code <mac> <run>:<counter>:<millis> <event>}, the MAC (base64) over what
 * follows it.
 */
public final class SealedBus implements Bus {
    /** How far an event's time may be from ours; events take milliseconds, and a node is lost after 6 s anyway. */
    static final long TOLERANCE_MILLIS = 10_000;
    /** How far the servers' clocks may disagree for the first events of a run to be taken. */
    static final long SKEW_MILLIS = 2_000;

    /** Why an event was dropped, as /stats counts it. */
    public enum Refusal {
        FORGED("without a valid MAC"),
        REPLAYED("replayed"),
        OUT_OF_TIME("out of time");

        private final String label;

        Refusal(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private record Heard(long counter, long millis) {}

    private final Bus bus;
    private final LongSupplier clock;
    private final Consumer<Refusal> refused;
    private final String run;
    private final Object sealing = new Object();
    private final Mac sealer;
    private long counter;
    private final Object opening = new Object();
    private final Mac checker;
    private final Map<String, Heard> runs = new HashMap<>();
    private long subscribedMillis;
    private long prunedMillis;

    /** Seals what is published on bus with secret; clock gives the wall-clock time; refused hears of each drop. */
    public SealedBus(Bus bus, ClusterSecret secret, LongSupplier clock, Consumer<Refusal> refused) {
        this.bus = bus;
        this.clock = clock;
        this.refused = refused;
        this.sealer = secret.mac();
        this.checker = secret.mac();
        byte[] id = new byte[12];
        new SecureRandom().nextBytes(id);
        this.run = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    @Override
    public void start(Listener listener) {
        synchronized (opening) {
            subscribedMillis = clock.getAsLong();
        }
        bus.start(new Listener() {
            @Override
            public void received(long seq, String sealed) {
                String event = open(sealed);
                if (event != null) listener.received(seq, event);
            }

            @Override
            public void connected(boolean up) {
                listener.connected(up);
            }
        });
    }

    @Override
    public CompletionStage<Long> publish(String event) {
        synchronized (sealing) { // the counter's order is the order events leave in
            String stamped = run + ":" + ++counter + ":" + clock.getAsLong() + " " + event;
            String mac = Base64.getEncoder().encodeToString(sealer.doFinal(bytes(stamped)));
            return bus.publish(mac + " " + stamped);
        }
    }

    /** The event inside, or null (the refusal reported) when it is not to be taken. */
    String open(String sealed) {
        synchronized (opening) {
            int space = sealed.indexOf(' ');
            if (space <= 0) return refuse(Refusal.FORGED);
            byte[] given;
            try {
                given = Base64.getDecoder().decode(sealed.substring(0, space));
            } catch (IllegalArgumentException notBase64) {
                return refuse(Refusal.FORGED);
            }
            String stamped = sealed.substring(space + 1);
            if (!MessageDigest.isEqual(given, checker.doFinal(bytes(stamped)))) return refuse(Refusal.FORGED);
            int end = stamped.indexOf(' ');
            String[] stamp = stamped.substring(0, Math.max(end, 0)).split(":");
            if (end < 0 || stamp.length != 3) return refuse(Refusal.FORGED); // a valid MAC: ours, so a bug
            long n;
            long millis;
            try {
                n = Long.parseLong(stamp[1]);
                millis = Long.parseLong(stamp[2]);
            } catch (NumberFormatException bug) {
                return refuse(Refusal.FORGED);
            }
            long now = clock.getAsLong();
            if (Math.abs(now - millis) > TOLERANCE_MILLIS) return refuse(Refusal.OUT_OF_TIME);
            Heard last = runs.get(stamp[0]);
            if (last == null ? millis < subscribedMillis - SKEW_MILLIS : n <= last.counter())
                return refuse(Refusal.REPLAYED);
            runs.put(stamp[0], new Heard(n, millis));
            prune(now);
            return stamped.substring(end + 1);
        }
    }

    /** Runs silent for longer than the tolerance are forgotten: any event of theirs is out of time now. */
    private void prune(long now) {
        if (now - prunedMillis < TOLERANCE_MILLIS) return;
        prunedMillis = now;
        for (Iterator<Heard> i = runs.values().iterator(); i.hasNext(); )
            if (now - i.next().millis() > 2 * TOLERANCE_MILLIS) i.remove();
    }

    private String refuse(Refusal why) {
        refused.accept(why);
        return null;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void claim(String node) {
        bus.claim(node);
    }

    @Override
    public CompletionStage<Boolean> renew() {
        return bus.renew();
    }

    @Override
    public void close() {
        bus.close();
    }
}

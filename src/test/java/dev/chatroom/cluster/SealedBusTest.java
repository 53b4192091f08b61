package dev.chatroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatroom.cluster.SealedBus.Refusal;
import dev.chatroom.testing.InMemoryBus;
import dev.chatroom.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events on the bus sealed with the cluster's secret: whoever has not the secret cannot make one, nor reuse one. */
class SealedBusTest {
    private static final ClusterSecret SECRET = ClusterSecret.of("the cluster's secret: 32 characters or more");

    private final ManualClock clock = new ManualClock();
    private final InMemoryBus redis = new InMemoryBus(clock);

    /** A node's end of the bus: what it takes, and what it drops. */
    private final class Node implements Bus.Listener {
        final List<String> taken = new ArrayList<>();
        final List<Refusal> dropped = new ArrayList<>();
        final SealedBus bus;

        Node(ClusterSecret secret) {
            bus = new SealedBus(redis.connect(), secret, clock::millis, dropped::add);
            bus.start(this);
        }

        @Override
        public void received(long seq, String event) {
            taken.add(event);
        }

        @Override
        public void connected(boolean up) {}
    }

    /** Someone with access to Redis: publishes what it likes, and hears everything as it travels. */
    private final class Intruder implements Bus.Listener {
        final List<String> heard = new ArrayList<>();
        final InMemoryBus.Client raw = redis.connect();

        Intruder() {
            raw.start(this);
        }

        @Override
        public void received(long seq, String event) {
            heard.add(event);
        }

        @Override
        public void connected(boolean up) {}
    }

    @Test
    void sealedEventsArriveAsPublishedAndOthersAreDropped() {
        Node n1 = new Node(SECRET);
        Node n2 = new Node(SECRET);
        Intruder mallory = new Intruder();
        n1.bus.publish(":n1 ADMIN :/say hello");
        assertThat(n1.taken).containsExactly(":n1 ADMIN :/say hello");
        assertThat(n2.taken).containsExactly(":n1 ADMIN :/say hello");
        assertThat(mallory.heard.get(0)).matches("\\S+ [\\w-]+:1:\\d+ :n1 ADMIN :/say hello");

        String sealed = mallory.heard.get(0);
        mallory.raw.publish(":n1 ADMIN :/accept bob"); // as the bus carried events before they were sealed
        mallory.raw.publish(sealed.replace("/say hello", "/say pwned")); // a valid MAC over something else
        mallory.raw.publish("bm90IGEgbWFj " + sealed.substring(sealed.indexOf(' ') + 1));
        mallory.raw.publish("");
        new Node(ClusterSecret.of("another cluster's secret, as long as ours")).bus.publish(":n3 HB");
        assertThat(n2.taken).containsExactly(":n1 ADMIN :/say hello");
        assertThat(n2.dropped).containsOnly(Refusal.FORGED).hasSize(5);
    }

    @Test
    void aCapturedEventPublishedAgainIsDroppedAsReplayedOrOutOfTime() {
        Node n1 = new Node(SECRET);
        Node n2 = new Node(SECRET);
        Intruder mallory = new Intruder();
        n1.bus.publish(":n1 ADMIN :/say once");
        n1.bus.publish(":n1 HB");
        String once = mallory.heard.get(0);

        mallory.raw.publish(once);
        assertThat(n2.taken).containsExactly(":n1 ADMIN :/say once", ":n1 HB");
        assertThat(n2.dropped).containsExactly(Refusal.REPLAYED);

        clock.advance(Duration.ofMillis(SealedBus.TOLERANCE_MILLIS + 1));
        mallory.raw.publish(once);
        assertThat(n2.dropped).containsExactly(Refusal.REPLAYED, Refusal.OUT_OF_TIME);
        n1.bus.publish(":n1 HB"); // the run itself goes on
        assertThat(n2.taken).containsExactly(":n1 ADMIN :/say once", ":n1 HB", ":n1 HB");
    }

    @Test
    void aNodeStartedLaterTakesNoEventSealedBeforeItListened() {
        Node n1 = new Node(SECRET);
        Intruder mallory = new Intruder();
        n1.bus.publish(":n1 ADMIN :/drop alice");
        clock.advance(Duration.ofMillis(SealedBus.SKEW_MILLIS + 1));
        Node late = new Node(SECRET); // has not heard n1's run yet: a replay now must not be its first
        mallory.raw.publish(mallory.heard.get(0));
        assertThat(late.taken).isEmpty();
        assertThat(late.dropped).containsExactly(Refusal.REPLAYED);
        n1.bus.publish(":n1 HB");
        assertThat(late.taken).containsExactly(":n1 HB");
    }

    @Test
    void aSecretMustBeLongEnough() {
        assertThatThrownBy(() -> ClusterSecret.of("short"))
                .hasMessage("the cluster secret is too short (5 characters): it needs at least 32;"
                        + " openssl rand -hex 32 makes a good one");
    }
}

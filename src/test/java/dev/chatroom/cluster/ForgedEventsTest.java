package dev.chatroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryBus;
import dev.chatroom.testing.InMemoryCluster;
import dev.chatroom.testing.InMemoryServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Someone who can reach the cluster's Redis, without its secret: what they publish on the bus changes nothing, and
 * what they captured and publish again changes nothing either; every such event is counted for /stats.
 */
class ForgedEventsTest {
    private final InMemoryCluster cluster = new InMemoryCluster();
    private final InMemoryServer n1 = cluster.start("n1", b -> b.approve(ApprovalPolicy.ASK));
    private final InMemoryServer n2 = cluster.start("n2", b -> b.approve(ApprovalPolicy.ASK));
    private final List<String> heard = new ArrayList<>();
    private final InMemoryBus.Client intruder = cluster.bus.connect();

    @AfterEach
    void close() {
        cluster.close();
    }

    private void publish(String raw) {
        intruder.publish(raw);
        cluster.clock.runPending();
    }

    @Test
    void anEventPublishedStraightIntoRedisDoesNothingAndIsCounted() {
        FakeClient bob = n1.connect().sendRegistration("bob");
        bob.expect("Waiting for the admin");
        n2.expectEvent("^bob \\(.*\\) wants to join");
        publish(":n1 ADMIN :/accept bob");
        publish(":n2 ADMIN :/say the server is moving: log in at evil.example");
        publish("c2VhbGVk n1:1:0 :n1 ADMIN :/accept bob"); // shaped like a sealed event, with a made-up MAC

        assertThat(bob.sync()).isEmpty();
        assertThat(n1.admin.execute("/pending")).contains("bob");
        assertThat(n2.events())
                .containsExactly("Cluster: dropped an event without a valid MAC on the bus (1 so far; /stats counts"
                        + " them): someone who can reach Redis but has not the cluster secret, or a server with"
                        + " another one."); // once a minute, however many come
        assertThat(n2.admin.execute("/stats")).contains("Cluster events dropped: 3 without a valid MAC");
        assertThat(n1.admin.execute("/stats")).contains("Cluster events dropped: 3 without a valid MAC");
    }

    @Test
    void anEventCapturedAndPublishedAgainIsTakenOnce() {
        intruder.start(new Bus.Listener() {
            @Override
            public void received(long seq, String event) {
                heard.add(event);
            }

            @Override
            public void connected(boolean up) {}
        });
        FakeClient carol = n2.connect().sendRegistration("carol");
        n1.admin.execute("/accept carol");
        carol.expect(" 366 carol ");
        heard.clear();
        n1.admin.execute("/say dinner is ready");
        assertThat(carol.expect("NOTICE")).endsWith(":dinner is ready");
        assertThat(heard).singleElement().asString().endsWith(":n1 ADMIN :/say dinner is ready");

        publish(heard.get(0));
        assertThat(carol.sync()).isEmpty();
        assertThat(n2.admin.execute("/stats")).contains("Cluster events dropped: 1 replayed");
    }
}

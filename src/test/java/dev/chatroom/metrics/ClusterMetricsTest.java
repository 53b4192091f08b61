package dev.chatroom.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.HostPort;
import dev.chatroom.server.Hub;
import dev.chatroom.server.ServerAccess;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryCluster;
import dev.chatroom.testing.InMemoryServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node's metrics and readiness in a cluster: two nodes in memory on one bus, the node's metrics served over real
 * HTTP. The cluster runs on the test's thread; the HTTP threads reach it under the same lock, as if on its loop.
 */
class ClusterMetricsTest {
    private static final String REDIS = "redis://127.0.0.1:6379"; // a cluster node's setting; the bus is in memory

    private final InMemoryCluster cluster = new InMemoryCluster();
    private final InMemoryServer n1 = cluster.start("n1", b -> b.redis(REDIS));
    private final InMemoryServer n2 = cluster.start("n2", b -> b.redis(REDIS));
    private final AtomicBoolean serving = new AtomicBoolean();
    private final MetricsServer metrics;

    ClusterMetricsTest() throws Exception {
        ServerAccess n1Loop = new ServerAccess() {
            @Override
            public <T> CompletableFuture<T> call(Function<Hub, T> f) {
                synchronized (cluster) {
                    return n1.call(f);
                }
            }

            @Override
            public void shutdown(String reason) {}
        };
        metrics = MetricsServer.start(new HostPort("127.0.0.1", 0), n1Loop, () -> 0, serving::get);
    }

    @AfterEach
    void close() {
        metrics.close();
        cluster.close();
    }

    @Test
    void aNodeCountsItsOwnUsersAndTheNodesAndEventsOfItsCluster() throws Exception {
        synchronized (cluster) {
            FakeClient alice = n1.connect().register("alice");
            n2.connect().register("bob");
            alice.expect(":bob!\\S+ JOIN #chatroom");
            alice.send("PRIVMSG #chatroom :across");
        }
        Scrape s = Scrape.metrics(metrics.address());
        assertThat(s.value("chatroom_cluster_nodes")).isEqualTo(2);
        assertThat(s.value("chatroom_cluster_bus_events_total")).isGreaterThan(4);
        assertThat(s.value("chatroom_users")).as("bob is n2's").isEqualTo(1);
        assertThat(s.value("chatroom_connections{transport=\"plain\"}")).isEqualTo(1);
        assertThat(s.value("chatroom_messages_total")).isEqualTo(1);
    }

    @Test
    void promtoolAcceptsANodesMetrics(@TempDir Path dir) throws Exception {
        synchronized (cluster) {
            n1.connect().register("alice");
        }
        Promtool.accepts(Scrape.metrics(metrics.address()).body(), dir);
    }

    @Test
    void readyOnlyOnceServingAndWhileTheClusterIsWhole() throws Exception {
        HostPort at = metrics.address();
        assertThat(Scrape.get(at, "/readyz")).as("still starting").isEqualTo(new Scrape(503, "not ready\n"));
        assertThat(Scrape.get(at, "/healthz").status()).isEqualTo(200);
        serving.set(true);
        assertThat(Scrape.get(at, "/readyz")).isEqualTo(new Scrape(200, "ready\n"));

        synchronized (cluster) {
            cluster.cut("n1");
        }
        assertThat(Scrape.get(at, "/readyz").status())
                .as("split from the cluster")
                .isEqualTo(503);
        synchronized (cluster) {
            cluster.reconnect("n1");
            cluster.advance(Duration.ofSeconds(2));
        }
        assertThat(Scrape.get(at, "/readyz").status()).as("whole again").isEqualTo(200);
        serving.set(false);
        assertThat(Scrape.get(at, "/readyz").status()).as("stopping").isEqualTo(503);
    }
}

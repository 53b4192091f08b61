package dev.chatroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryCluster;
import dev.chatroom.testing.InMemoryServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node's name is held on the bus with a lease its heartbeat renews: a running node's name is
 * refused, a dead node's runs out after 8 s, later than the 6 s after which the others call it lost.
 */
class NodeNameTest {
    private final InMemoryCluster cluster = new InMemoryCluster();
    private final InMemoryServer n1 = cluster.start("n1");
    private final InMemoryServer n2 = cluster.start("n2");

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void aSecondNodeUnderARunningNodesNameIsRefusedAfterWaitingOneLease() {
        FakeClient alice = n1.connect().register("alice");
        long before = cluster.clock.nanos();
        assertThatThrownBy(() -> cluster.start("n1"))
                .isInstanceOf(Bus.NameTaken.class)
                .hasMessage("the node name n1 is in use by another running server: choose another --node-name");
        assertThat(Duration.ofNanos(cluster.clock.nanos() - before)).isGreaterThan(Bus.LEASE);

        FakeClient bob = n2.connect().register("bob");
        alice.expect(":bob!\\S+ JOIN #chatroom"); // n1 ran on all along
        assertThat(n1.events()).noneMatch(e -> e.contains("another server runs as node"));
    }

    @Test
    void aDeadNodesNameRunsOutAfterTheOthersCalledItLost() {
        n1.connect().register("alice");
        FakeClient bob = n2.connect().register("bob");
        long killed = cluster.clock.nanos();
        cluster.kill("n1");

        InMemoryServer again = cluster.start("n1"); // waits for the dead one's lease
        long waited = cluster.clock.nanos() - killed;
        assertThat(Duration.ofNanos(waited)).isGreaterThanOrEqualTo(Bus.LEASE).isLessThanOrEqualTo(Bus.CLAIM_WAIT);
        n2.expectEvent("Cluster: node n1 stopped answering; its 1 user\\(s\\) quit \\(node lost\\)");
        n2.expectEvent("Cluster: node n1 is here.");
        bob.expect(":alice!\\S+ QUIT :node lost");

        FakeClient alice = again.connect().register("alice");
        bob.expect(":alice!\\S+ JOIN #chatroom");
        alice.send("NAMES #chatroom");
        assertThat(alice.expect(" 353 alice ")).contains("bob");
    }

    @Test
    void aStoppedNodesNameIsFreeAtOnce() {
        cluster.stop("n1");
        long before = cluster.clock.nanos();
        cluster.start("n1");
        assertThat(cluster.clock.nanos()).isEqualTo(before);
    }

    @Test
    void aNodeCutOffForLongerThanItsLeaseTakesItsNameBackWhenItReconnects() {
        cluster.cut("n1");
        cluster.advance(Bus.LEASE.plusSeconds(1)); // its renewals failed meanwhile: the name ran out
        cluster.reconnect("n1");
        cluster.advance(Duration.ofSeconds(1));
        assertThat(n1.events()).noneMatch(e -> e.contains("another server runs as node"));
        assertThatThrownBy(() -> cluster.bus.connect().claim("n1")).isInstanceOf(Bus.NameTaken.class);
    }
}

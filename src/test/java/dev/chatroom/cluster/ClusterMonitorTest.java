package dev.chatroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryCluster;
import dev.chatroom.testing.InMemoryServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** MONITOR across nodes: a watcher on n1 learns of a user of n2 coming, renaming, going away and leaving. */
class ClusterMonitorTest {
    private static final String CLOAK = "[a-z2-9]{16}\\.ip";

    private final InMemoryCluster cluster = new InMemoryCluster();
    private final InMemoryServer n1 = cluster.start("n1", b -> b.cloakHosts(true));
    private final InMemoryServer n2 = cluster.start("n2", b -> b.cloakHosts(true));

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void aWatcherHearsOfAUserOfAnotherNodeComingRenamingAndLeaving() {
        FakeClient alice = n1.connect().register("alice");
        alice.send("MONITOR + bob,bobby");
        assertThat(alice.sync()).containsExactly(":chatroom 731 alice :bob,bobby");

        FakeClient bob = n2.connect("203.0.113.7").register("bob");
        String online = alice.expect(" 73[01] ");
        assertThat(online).matches(":chatroom 730 alice :bob!~bob@" + CLOAK).doesNotContain("203.0.113");
        alice.send("MONITOR S");
        assertThat(alice.sync())
                .filteredOn(l -> l.contains(" 73"))
                .containsExactly(online, ":chatroom 731 alice :bobby");

        bob.send("NICK bobby");
        assertThat(alice.sync())
                .filteredOn(l -> l.contains(" 73"))
                .containsExactly(":chatroom 731 alice :bob", online.replace(":bob!", ":bobby!"));

        bob.send("QUIT :bye");
        assertThat(alice.expect(" 73[01] ")).isEqualTo(":chatroom 731 alice :bobby");
    }

    @Test
    void aWatcherOfAnotherNodeHearsOfOurUsersAndOfTheirNodesLoss() {
        FakeClient bob = n2.connect().register("bob");
        bob.send("MONITOR + alice");
        bob.expect(":chatroom 731 bob :alice");
        n1.connect().register("alice");
        bob.expect(":chatroom 730 bob :alice!~alice@");

        cluster.kill("n1");
        cluster.advance(Duration.ofSeconds(7));
        assertThat(bob.expect(" 73[01] ")).isEqualTo(":chatroom 731 bob :alice");
    }

    @Test
    void extendedMonitorCarriesAwayAcrossNodes() {
        FakeClient alice = n1.connect().registerWithCaps("alice", "extended-monitor away-notify");
        FakeClient bob = n2.connect().register("bob");
        bob.send("PART #chatroom");
        alice.send("MONITOR + bob");
        alice.sync();
        bob.send("AWAY :lunch");
        assertThat(alice.sync()).singleElement().asString().matches(":bob!~bob@" + CLOAK + " AWAY :lunch");
    }
}

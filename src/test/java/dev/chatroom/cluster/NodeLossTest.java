package dev.chatroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryCluster;
import dev.chatroom.testing.InMemoryServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A node that stops: killed, its users quit once it has been silent for 6 s; stopped, they leave at once. */
class NodeLossTest {
    private final InMemoryCluster cluster = new InMemoryCluster();
    private final InMemoryServer n1 = cluster.start("n1");
    private final InMemoryServer n2 = cluster.start("n2");
    private final FakeClient alice = n1.connect().register("alice");
    private final FakeClient bob = n2.connect().register("bob");

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void aKilledNodesUsersQuitAfterSixSecondsOfSilenceAndTheirNicksAreFree() {
        alice.expect(":bob!\\S+ JOIN #chatroom");
        cluster.kill("n2"); // it last spoke now, with its heartbeat

        cluster.advance(Duration.ofSeconds(6));
        assertThat(alice.sync()).isEmpty();
        cluster.advance(Duration.ofSeconds(1));
        alice.expect(":bob!\\S+ QUIT :node lost");
        n1.expectEvent("Cluster: node n2 stopped answering; its 1 user\\(s\\) quit \\(node lost\\)");

        FakeClient bobAgain = n1.connect().register("bob");
        alice.expect(":bob!\\S+ JOIN #chatroom");
        bobAgain.send("LUSERS");
        bobAgain.expect(" 251 bob :There are 2 users and 0 invisible on 1 servers");
    }

    @Test
    void aStoppedNodesUsersLeaveAtOnce() {
        alice.expect(":bob!\\S+ JOIN #chatroom");
        cluster.stop("n2");
        alice.expect(":bob!\\S+ QUIT :Server shutting down: stopping");
        n1.connect().register("bob");
    }

    @Test
    void aNodeStartedAfterAnotherDiedDoesNotSeeItsUsers() {
        cluster.kill("n2");
        FakeClient carol = cluster.start("n3").connect().register("carol");
        carol.send("NAMES #chatroom");
        assertThat(carol.expect(" 353 carol ")).contains("alice").doesNotContain("bob");
    }
}

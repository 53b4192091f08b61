package dev.chatroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryCluster;
import dev.chatroom.testing.InMemoryServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A nick is one person's in the whole cluster: the first claim in the bus's order wins on every node. */
class ClusterNicksTest {
    private final InMemoryCluster cluster = new InMemoryCluster();
    private final InMemoryServer n1 = cluster.start("n1");
    private final InMemoryServer n2 = cluster.start("n2");

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void ofRegistrationsOfOneNickOnTwoNodesAtOnceTheFirstOnTheBusWinsAndEachOtherHearsOnce433() {
        List<FakeClient> tries = new ArrayList<>();
        for (int i = 0; i < 8; i++) tries.add((i % 2 == 0 ? n1 : n2).connect());
        cluster.clock.atOnce(() -> tries.forEach(c -> c.sendRegistration("carol")));

        assertThat(tries.get(0).expect(" (001|433) ")).contains(" 001 carol ");
        for (FakeClient loser : tries.subList(1, tries.size())) {
            List<String> lines = loser.sync();
            assertThat(lines)
                    .filteredOn(l -> l.contains(" 433 "))
                    .containsExactly(":chatroom 433 * carol :Nickname is already in use");
            assertThat(lines).noneMatch(l -> l.contains(" 001 "));
        }
        FakeClient watcher = n2.connect().register("watcher");
        watcher.send("WHO carol");
        watcher.expect(" 352 watcher \\S+ \\S+ \\S+ \\S+ carol ");
        assertThat(watcher.sync()).filteredOn(l -> l.contains(" 352 ")).isEmpty();
    }

    @Test
    void aLoserPicksAnotherNickAndGetsIn() {
        FakeClient first = n1.connect();
        FakeClient second = n2.connect();
        cluster.clock.atOnce(() -> {
            first.sendRegistration("carol");
            second.sendRegistration("carol");
        });
        second.expect(" 433 \\* carol ");
        second.send("NICK carol_");
        second.expect(" 001 carol_ ");
        first.expect(":carol_!\\S+ JOIN #chatroom");
    }

    @Test
    void aNickLeftBeforeItsClaimCameBackIsFreeOnEveryNode() {
        FakeClient fickle = n1.connect();
        cluster.clock.atOnce(() -> {
            fickle.sendRegistration("carol");
            fickle.send("NICK dave");
        });
        fickle.expect(" 001 dave ");

        FakeClient carol = n2.connect().register("carol");
        carol.send("WHO dave");
        carol.expect(" 352 carol \\S+ \\S+ \\S+ \\S+ dave ");
        fickle.expect(":carol!\\S+ JOIN #chatroom");
        assertThat(fickle.history()).noneMatch(l -> l.contains(" 433 "));
    }

    @Test
    void aRegisteredNickIsTakenOnNoOtherNode() {
        FakeClient alice = n1.connect().register("alice");
        FakeClient twin = n2.connect();
        twin.sendRegistration("alice");
        twin.expect(" 433 \\* alice ");
        FakeClient bob = n2.connect().register("bob");
        bob.send("NICK alice");
        bob.expect(" 433 bob alice ");
        alice.send("NICK bob");
        alice.expect(" 433 alice bob ");
    }

    @Test
    void aNickIsFreeEverywhereOnceItsHolderLeaves() {
        FakeClient alice = n1.connect().register("alice");
        FakeClient bob = n2.connect().register("bob");
        alice.send("QUIT :later");
        bob.expect(":alice!\\S+ QUIT :later");
        n2.connect().register("alice");
    }
}

package dev.chatroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryBus;
import dev.chatroom.testing.InMemoryCluster;
import dev.chatroom.testing.InMemoryServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node cut off from Redis: it tells its users the chat is split, drops the others' users and
 * goes on alone; newcomers wait. When it hears itself again the chat heals: bursts both ways,
 * everyone reappears, nothing is delivered twice.
 */
class SplitTest {
    private static final String SPLIT =
            "The chat is split: this server cannot reach Redis. You see only the people on this server until it heals.";

    private final InMemoryCluster cluster = new InMemoryCluster();
    private final InMemoryServer n2 = cluster.start("n2");
    private final InMemoryServer n1 = startHalfASecondLater("n1"); // so n2's heartbeat comes first after n1 reconnects
    private final FakeClient alice = n1.connect().register("alice");
    private final FakeClient carol = n1.connect().register("carol");
    private final FakeClient bob = n2.connect().register("bob");

    private InMemoryServer startHalfASecondLater(String name) {
        cluster.advance(Duration.ofMillis(500));
        return cluster.start(name);
    }

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void aNodeThatStopsHearingItselfSplitsAfterThreeSecondsAndHealsWhenItHearsItselfAgain() {
        alice.sync();
        bob.sync();
        cluster.cutQuietly("n1");
        cluster.advance(Duration.ofSeconds(3));
        assertThat(alice.sync()).isEmpty();
        cluster.advance(Duration.ofSeconds(1));
        alice.expect("NOTICE alice :" + SPLIT);
        alice.expect(":bob!\\S+ QUIT :node lost");
        n1.expectEvent("Cluster: this node cannot reach Redis: the chat is split");

        alice.send("PRIVMSG #chatroom :only here");
        carol.expect(":alice!\\S+ PRIVMSG #chatroom :only here");
        FakeClient dave = n1.connect().sendRegistration("dave");
        dave.expect(":The chat is split; you can join once it heals.");
        cluster.advance(Duration.ofSeconds(3));
        bob.expect(":alice!\\S+ QUIT :node lost");

        cluster.reconnect("n1");
        cluster.advance(Duration.ofSeconds(2));
        alice.expect("NOTICE alice :The chat is whole again.");
        alice.expect(":bob!\\S+ JOIN #chatroom");
        bob.expect(":alice!\\S+ JOIN #chatroom");
        dave.expect(" 001 dave ");
        bob.expect(":dave!\\S+ JOIN #chatroom");

        alice.send("PRIVMSG #chatroom :together again");
        bob.send("PRIVMSG #chatroom :welcome back");
        List<String> seenByBob = bob.sync();
        assertThat(seenByBob).filteredOn(l -> l.contains("together again")).hasSize(1);
        assertThat(carol.sync()).filteredOn(l -> l.contains("welcome back")).hasSize(1);
        assertThat(bob.history()).noneMatch(l -> l.contains("only here"));
    }

    @Test
    void aLineSaidWhileTheConnectionIsQuietReachesItsOwnNodeOnceTheBusGivesUpOnIt() {
        alice.sync();
        carol.sync();
        cluster.cutQuietly("n1");
        alice.send("PRIVMSG #chatroom :anyone?");
        assertThat(carol.sync()).isEmpty(); // published: it runs when it comes back
        cluster.advance(RedisBus.COMMAND_TIMEOUT);
        carol.expect(":alice!\\S+ PRIVMSG #chatroom :anyone\\?");
        assertThat(bob.sync()).noneMatch(l -> l.contains("anyone?"));
    }

    @Test
    void aLineWhoseAnswerIsLostRunsHereAtOnceAndNotAgainWhenItArrivesAfterAll() {
        alice.sync();
        carol.sync();
        bob.sync();
        cluster.loseAnswers("n1"); // the primary published it, then died before answering
        alice.send("PRIVMSG #chatroom :once");
        carol.expect(":alice!\\S+ PRIVMSG #chatroom :once");
        cluster.advance(InMemoryBus.LATE);
        bob.expect(":alice!\\S+ PRIVMSG #chatroom :once");
        cluster.reconnect("n1");
        cluster.advance(Duration.ofSeconds(2));
        assertThat(carol.sync()).noneMatch(l -> l.contains(":once"));
        assertThat(bob.sync()).noneMatch(l -> l.contains(":once"));
    }

    @Test
    void aNodeThatLosesItsConnectionSplitsAtOnce() {
        alice.sync();
        cluster.cut("n1");
        alice.expect("NOTICE alice :The chat is split: this server lost its connection to Redis.");
        alice.expect(":bob!\\S+ QUIT :node lost");
        alice.send("NICK alicia");
        carol.expect(":alice!\\S+ NICK :?alicia");
    }

    @Test
    void aShortSplitHealsOnBothSidesEvenWhenTheOtherNodeNeverMissedIt() {
        alice.sync();
        bob.sync();
        cluster.cut("n1");
        carol.send("QUIT :bye");
        alice.send("NICK alicia");
        cluster.advance(Duration.ofSeconds(2)); // n2 has not yet called n1 lost
        cluster.reconnect("n1");
        cluster.advance(Duration.ofSeconds(2));

        alice.expect("NOTICE alicia :The chat is whole again.");
        alice.send("NAMES #chatroom");
        assertThat(alice.expect(" 353 alicia ")).endsWith(":alicia bob").doesNotContain("carol");
        bob.send("NAMES #chatroom");
        assertThat(bob.expect(" 353 bob "))
                .contains("alicia")
                .doesNotContain("carol")
                .doesNotContain("alice ");
        bob.send("PRIVMSG alicia :there you are");
        alice.expect(":bob!\\S+ PRIVMSG alicia :there you are");
        n2.connect().register("carol"); // her nick is free again everywhere
    }

    @Test
    void missedEventsMakeTheNodeAskForEveryonesUsersAgain() {
        alice.sync();
        cluster.cutQuietly("n1");
        FakeClient erin = n2.connect().register("erin"); // n1 misses her
        carol.send("QUIT :bye"); // the others miss this: its GONE times out
        cluster.advance(Duration.ofMillis(1500)); // shorter than a split
        cluster.reconnect("n1");
        cluster.advance(Duration.ofSeconds(1));

        n1.expectEvent("Cluster: \\d+ event\\(s\\) missed; asking the other nodes for their users again.");
        alice.send("NAMES #chatroom");
        assertThat(alice.expect(" 353 alice ")).contains("bob").contains("erin");
        erin.send("NAMES #chatroom");
        assertThat(erin.expect(" 353 erin ")).contains("alice").doesNotContain("carol");
        assertThat(alice.sync()).noneMatch(l -> l.contains("chat is split"));
    }
}

package dev.chatroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryCluster;
import dev.chatroom.testing.InMemoryServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A bot on one node is a bot on every node: its +B travels with its MODE and in the bursts, and
 * its typing notifications are paced alike everywhere. In memory.
 */
class ClusterBotTest {
    private final InMemoryCluster cluster = new InMemoryCluster();
    private final InMemoryServer n1 = cluster.start("n1");
    private final InMemoryServer n2 = cluster.start("n2");

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void aBotOfOneNodeIsShownAndTaggedOnTheOthersAndToNodesThatCameLater() {
        FakeClient robot = n1.connect().registerWithCaps("robot", "message-tags");
        FakeClient bob = n2.connect().registerWithCaps("bob", "message-tags");
        robot.send("MODE robot +B");
        assertThat(robot.expect(" MODE ")).isEqualTo(":robot MODE robot :+B");
        bob.sync();

        robot.send("PRIVMSG #chatroom :beep");
        assertThat(bob.expect("PRIVMSG")).matches("@msgid=n1\\.\\S+;bot :robot!\\S+ PRIVMSG #chatroom :beep");
        bob.send("WHOIS robot");
        assertThat(bob.sync()).contains(":chatroom 335 bob robot :is a bot");
        bob.send("WHO robot");
        assertThat(bob.expect(" 352 ")).contains(" robot HB :0 ");

        FakeClient carol = cluster.start("n3").connect().register("carol");
        carol.send("WHOIS robot");
        assertThat(carol.sync()).contains(":chatroom 335 carol robot :is a bot");

        robot.send("MODE robot -B");
        robot.send("PRIVMSG bob :off duty");
        assertThat(bob.expect("PRIVMSG")).matches("@msgid=\\S+ :robot!\\S+ PRIVMSG bob :off duty");
        carol.send("WHOIS robot");
        assertThat(carol.sync()).noneMatch(l -> l.contains(" 335 "));
    }

    @Test
    void typingIsPacedOnceForTheWholeCluster() {
        FakeClient alice = n1.connect().registerWithCaps("alice", "message-tags");
        FakeClient bob = n2.connect().registerWithCaps("bob", "message-tags");
        FakeClient dave = n1.connect().registerWithCaps("dave", "message-tags");
        alice.sync();
        bob.sync();
        alice.send("@+typing=active TAGMSG #chatroom");
        alice.send("@+typing=active TAGMSG #chatroom");
        cluster.advance(Duration.ofSeconds(3));
        alice.send("@+typing=active TAGMSG #chatroom");
        assertThat(bob.sync()).filteredOn(l -> l.contains(" TAGMSG ")).hasSize(2);
        assertThat(dave.sync()).filteredOn(l -> l.contains(" TAGMSG ")).hasSize(2);
    }
}

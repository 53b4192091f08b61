package dev.chatroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryCluster;
import dev.chatroom.testing.InMemoryServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History in a cluster: one shared store, each message stored once, replayed by every node, erased for all by /purge. */
class ClusterHistoryTest {
    private static final String HISTORY_CAPS = "message-tags server-time batch draft/chathistory";

    @TempDir
    Path dir;

    private InMemoryCluster cluster;

    private InMemoryCluster cluster() {
        cluster = new InMemoryCluster(dir);
        return cluster;
    }

    @AfterEach
    void close() {
        if (cluster != null) cluster.close();
    }

    @Test
    void aNodeStartedLaterReplaysWhatWasSaidBeforeItWithTheSameMsgids() {
        InMemoryServer n1 = cluster().start("n1");
        FakeClient alice = n1.connect().registerWithCaps("alice", "message-tags echo-message");
        alice.send("PRIVMSG #chatroom :remember me");
        String said = alice.expect("PRIVMSG #chatroom :remember me");

        FakeClient carol = cluster.start("n2").connect().registerWithCaps("carol", HISTORY_CAPS);
        carol.send("CHATHISTORY LATEST #chatroom * 10");
        String replayed = carol.expect("PRIVMSG #chatroom :remember me");
        assertThat(replayed).contains(said.replaceAll(".*(msgid=[^; ]+).*", "$1"));
        assertThat(carol.sync()).noneMatch(l -> l.contains("remember me")); // stored once, though two nodes relayed it
    }

    @Test
    void aReactionOnOneNodeIsStoredOnceAndReturnedByAnotherWithItsTags() {
        InMemoryServer n1 = cluster().start("n1");
        InMemoryServer n2 = cluster.start("n2");
        FakeClient alice = n1.connect().registerWithCaps("alice", "message-tags echo-message");
        alice.send("PRIVMSG #chatroom :ship it?");
        String id = alice.expect("PRIVMSG #chatroom :ship it\\?").replaceAll(".*msgid=([^; ]+).*", "$1");
        alice.send("@+draft/react=yes;+draft/reply=" + id + ";+example/x=1 TAGMSG #chatroom");
        alice.expect(" TAGMSG #chatroom$");

        String reaction = "\\+draft/react=yes;\\+draft/reply=" + Pattern.quote(id) + " :alice!\\S+ TAGMSG #chatroom";
        FakeClient carol = n2.connect().registerWithCaps("carol", HISTORY_CAPS);
        carol.send("CHATHISTORY LATEST #chatroom * 10");
        carol.expect("PRIVMSG #chatroom :ship it\\?");
        assertThat(carol.next()).containsPattern(";" + reaction + "$").doesNotContain("example");
        assertThat(carol.next()).contains(" BATCH -"); // stored once, though two nodes relayed it
        FakeClient dave =
                n2.connect().registerWithCaps("dave", "message-tags server-time batch"); // replayed on joining
        dave.expect("PRIVMSG #chatroom :ship it\\?");
        assertThat(dave.next()).containsPattern(";" + reaction + "$");
    }

    @Test
    void aPurgeOnOneNodeIsNotReplayedByAnother() {
        InMemoryServer n1 = cluster().start("n1");
        InMemoryServer n2 = cluster.start("n2");
        FakeClient alice = n1.connect().register("alice");
        alice.send("PRIVMSG #chatroom :a secret");
        n2.connect().register("carol").expect("PRIVMSG #chatroom :.*a secret"); // replayed on joining: n2 holds it too

        assertThat(n1.admin.execute("/purge #chatroom"))
                .isEqualTo("Removed 1 message said in #chatroom from the history.");
        FakeClient dave = n2.connect().register("dave");
        assertThat(dave.history()).noneMatch(l -> l.contains("a secret"));
        FakeClient erin = n2.connect().registerWithCaps("erin", HISTORY_CAPS);
        erin.send("CHATHISTORY LATEST #chatroom * 10");
        erin.expect(" BATCH -");
        assertThat(erin.history()).noneMatch(l -> l.contains("a secret"));
    }

    @Test
    void aSendersAnswersWaitWhileItsMessageIsOnTheBusAndComeOnceItIsRunAndStored() {
        InMemoryServer n1 = cluster().start("n1");
        FakeClient alice = n1.connect().registerWithCaps("alice", "echo-message");
        FakeClient carol = n1.connect().registerWithCaps("carol", HISTORY_CAPS);
        alice.sync();
        cluster.cutQuietly("n1"); // what n1 publishes is neither back nor refused until the bus's timeout
        alice.send("PRIVMSG #chatroom :in flight");
        alice.send("PING :after");
        assertThat(alice.sync()).isEmpty();

        cluster.advance(Duration.ofSeconds(3)); // the bus gave up: n1 runs it alone, and stores it
        assertThat(alice.sync())
                .anyMatch(l -> l.endsWith("PRIVMSG #chatroom :in flight"))
                .contains(":chatroom PONG chatroom :after");
        carol.sync();
        carol.send("CHATHISTORY LATEST #chatroom * 10");
        carol.expect("PRIVMSG #chatroom :in flight");
    }
}

package dev.chatroom.cluster;

import static dev.chatroom.testing.FakeClient.msgid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryCluster;
import dev.chatroom.testing.InMemoryServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A multiline message in a cluster: collected on its sender's node, sent whole, in each recipient's form on every node. */
class ClusterMultilineTest {
    private static final String CAPS = "message-tags batch echo-message draft/multiline draft/message-redaction";

    @TempDir
    Path dir;

    private InMemoryCluster cluster;

    @AfterEach
    void close() {
        if (cluster != null) cluster.close();
    }

    @Test
    void reachesTheOtherNodeInEachForm() {
        cluster = new InMemoryCluster(dir);
        InMemoryServer n1 = cluster.start("n1");
        InMemoryServer n2 = cluster.start("n2");
        FakeClient alice = n1.connect().registerWithCaps("alice", CAPS);
        FakeClient bob = n2.connect().registerWithCaps("bob", CAPS);
        FakeClient carol = n2.connect().registerWithCaps("carol", "message-tags");
        alice.sync();
        bob.sync();
        alice.send("@+draft/reply=x BATCH +r draft/multiline #chatroom");
        alice.send("@batch=r PRIVMSG #chatroom :one");
        alice.send("@batch=r PRIVMSG #chatroom :two ");
        alice.send("@batch=r;draft/multiline-concat PRIVMSG #chatroom :halves");
        alice.send("BATCH -r");

        String open = alice.expect(" BATCH \\+");
        String id = msgid(open);
        List<String> atBob = List.of(bob.next(), bob.next(), bob.next(), bob.next(), bob.next());
        assertThat(msgid(atBob.get(0))).isEqualTo(id);
        assertThat(atBob.get(0)).contains("+draft/reply=x").endsWith(" draft/multiline #chatroom");
        assertThat(atBob.get(3)).contains("draft/multiline-concat").endsWith(" PRIVMSG #chatroom :halves");
        assertThat(atBob.get(4)).contains(" BATCH -");
        String first = carol.next();
        assertThat(msgid(first)).isEqualTo(id);
        assertThat(first).endsWith(" PRIVMSG #chatroom :one");
        assertThat(carol.next()).doesNotContain("msgid").endsWith(" PRIVMSG #chatroom :two ");
        assertThat(carol.next()).doesNotContain("msgid").endsWith(" PRIVMSG #chatroom :halves");

        alice.sync();
        alice.send("REDACT #chatroom " + id); // the whole message goes, on every node
        assertThat(alice.next()).contains(" REDACT #chatroom " + id);
        assertThat(bob.next()).contains(" REDACT #chatroom " + id);
        FakeClient erin = n2.connect().registerWithCaps("erin", "message-tags batch draft/chathistory");
        erin.send("CHATHISTORY LATEST #chatroom * 10");
        erin.expect(" BATCH -");
        assertThat(erin.history()).noneMatch(l -> l.contains("halves"));
    }
}

package dev.chatroom.cluster;

import static dev.chatroom.testing.FakeClient.msgid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryCluster;
import dev.chatroom.testing.InMemoryServer;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** REDACT in a cluster: decided on the redactor's node, told on every node, gone from the shared history for all. */
class ClusterRedactTest {
    private static final String CAPS = "message-tags echo-message draft/message-redaction";

    @TempDir
    Path dir;

    private InMemoryCluster cluster;

    @AfterEach
    void close() {
        if (cluster != null) cluster.close();
    }

    @Test
    void aDeletionOnOneNodeIsToldOnTheOthersAndErasedForAll() {
        cluster = new InMemoryCluster(dir);
        InMemoryServer n1 = cluster.start("n1");
        InMemoryServer n2 = cluster.start("n2");
        FakeClient alice = n1.connect().registerWithCaps("alice", CAPS);
        FakeClient bob = n2.connect().registerWithCaps("bob", CAPS);
        FakeClient carol = n2.connect().registerWithCaps("carol", "message-tags");
        alice.sync();
        alice.send("PRIVMSG #chatroom :a secret");
        String id = msgid(alice.expect("PRIVMSG #chatroom :a secret"));
        assertThat(msgid(bob.expect("PRIVMSG #chatroom :a secret"))).isEqualTo(id);
        carol.sync();

        bob.send("REDACT #chatroom " + id); // not bob's, and bob is no operator: refused on bob's node
        assertThat(bob.next()).startsWith(":chatroom FAIL REDACT REDACT_FORBIDDEN #chatroom " + id + " ");
        assertThat(alice.sync()).isEmpty();

        alice.send("REDACT #chatroom " + id + " :typo");
        String echo = alice.next();
        assertThat(echo).matches("@msgid=\\S+ :alice!\\S+ REDACT #chatroom " + Pattern.quote(id) + " :typo");
        assertThat(bob.next()).isEqualTo(echo); // the same line, msgid and all, on the other node
        assertThat(carol.sync()).isEmpty();

        FakeClient dave = n2.connect().register("dave"); // n2's replay forgot it too
        assertThat(dave.history()).noneMatch(l -> l.contains("a secret"));
        FakeClient erin = n2.connect().registerWithCaps("erin", "message-tags batch draft/chathistory");
        erin.send("CHATHISTORY LATEST #chatroom * 10");
        erin.expect(" BATCH -");
        assertThat(erin.history()).noneMatch(l -> l.contains("a secret"));
    }

    @Test
    void theAdminOfOneNodeDeletesForEveryNode() {
        cluster = new InMemoryCluster(dir);
        InMemoryServer n1 = cluster.start("n1");
        InMemoryServer n2 = cluster.start("n2");
        FakeClient alice = n1.connect().registerWithCaps("alice", CAPS);
        FakeClient bob = n2.connect().registerWithCaps("bob", CAPS);
        alice.sync();
        alice.send("PRIVMSG #chatroom :spam");
        String id = msgid(alice.expect("PRIVMSG #chatroom :spam"));
        bob.sync();

        assertThat(n2.admin.execute("/redact #chatroom " + id))
                .isEqualTo("Deleted the message " + id + " from #chatroom.");
        assertThat(alice.next()).endsWith(":chatroom REDACT #chatroom " + id);
        assertThat(bob.next()).endsWith(":chatroom REDACT #chatroom " + id);
    }
}

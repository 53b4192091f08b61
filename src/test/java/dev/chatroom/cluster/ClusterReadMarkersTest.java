package dev.chatroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryCluster;
import dev.chatroom.testing.InMemoryServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read markers in a cluster: moved on one node, they are the account's on every node (one connection per account there). */
class ClusterReadMarkersTest {
    private static final String CAP = "draft/read-marker";

    @TempDir
    Path dir;

    private InMemoryCluster cluster;

    @AfterEach
    void close() {
        if (cluster != null) cluster.close();
    }

    @Test
    void aMarkerMovedOnOneNodeIsTheAccountsOnEveryNodeAndOnANodeStartedLater() {
        cluster = new InMemoryCluster(dir);
        InMemoryServer n1 = cluster.start("n1");
        InMemoryServer n2 = cluster.start("n2");
        FakeClient reg = n1.connect().register("alice");
        reg.send("REGISTER * * correct-horse");
        reg.expect("REGISTER SUCCESS alice");
        reg.send("QUIT");

        FakeClient laptop = loggedIn(n1, CAP);
        laptop.send("MARKREAD #chatroom timestamp=2025-11-11T11:11:11.111Z");
        assertThat(laptop.next()).isEqualTo(":chatroom MARKREAD #chatroom timestamp=2025-11-11T11:11:11.111Z");
        laptop.send("QUIT");

        FakeClient phone = loggedIn(n2, CAP); // shown with the room, as n2 learnt it from the bus
        assertThat(phone.history()).contains(":chatroom MARKREAD #chatroom timestamp=2025-11-11T11:11:11.111Z");
        phone.send("MARKREAD #chatroom timestamp=2025-01-01T00:00:00.000Z"); // behind: stays
        assertThat(phone.next()).isEqualTo(":chatroom MARKREAD #chatroom timestamp=2025-11-11T11:11:11.111Z");
        phone.send("MARKREAD #chatroom timestamp=2025-12-01T00:00:00.000Z");
        phone.next();
        phone.send("QUIT");

        FakeClient back = loggedIn(n1, CAP);
        assertThat(back.history()).contains(":chatroom MARKREAD #chatroom timestamp=2025-12-01T00:00:00.000Z");
        back.send("QUIT");
        FakeClient late = loggedIn(cluster.start("n3"), CAP); // read from the shared store at start
        assertThat(late.history()).contains(":chatroom MARKREAD #chatroom timestamp=2025-12-01T00:00:00.000Z");
    }

    /** A connection logged in to alice's account with SASL, with these caps too; after the default room's NAMES. */
    private static FakeClient loggedIn(InMemoryServer node, String caps) {
        FakeClient c = node.connect()
                .send("CAP LS 302")
                .send("CAP REQ :sasl" + (caps.isEmpty() ? "" : " " + caps))
                .sendRegistration("alice");
        c.send("AUTHENTICATE PLAIN");
        c.expect("AUTHENTICATE \\+");
        String plain = Base64.getEncoder().encodeToString("\0alice\0correct-horse".getBytes(StandardCharsets.UTF_8));
        c.send("AUTHENTICATE " + plain).send("CAP END");
        c.expect(" 366 ");
        return c;
    }
}

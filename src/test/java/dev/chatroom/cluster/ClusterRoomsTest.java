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

/** Rooms kept in the cluster's stores: a cluster started again brings them back closed as they were, on every node. */
class ClusterRoomsTest {
    @TempDir
    Path dir;

    private InMemoryCluster cluster;

    @AfterEach
    void close() {
        if (cluster != null) cluster.close();
    }

    @Test
    void aClosedRoomStaysClosedOnEveryNodeWhenTheClusterStartsAgain() {
        cluster = new InMemoryCluster(dir);
        InMemoryServer n1 = cluster.start("n1");
        cluster.start("n2");
        FakeClient alice = n1.connect().register("alice");
        alice.send("REGISTER * * correct-horse").expect("REGISTER SUCCESS");
        alice.send("JOIN #vault").send("MODE #vault +i");
        cluster.stop("n2");
        cluster.stop("n1"); // the last one: its rooms are kept for the restart

        n1 = cluster.start("n1");
        InMemoryServer n2 = cluster.start("n2");
        FakeClient mallory = n2.connect().register("mallory");
        mallory.send("JOIN #vault");
        assertThat(mallory.next()).isEqualTo(":chatroom 473 mallory #vault :Cannot join channel (+i)");
        FakeClient watcher = n1.connect().register("watcher");
        watcher.send("NAMES #vault");
        assertThat(watcher.next()).isEqualTo(":chatroom 366 watcher #vault :End of /NAMES list.");

        FakeClient back = n2.connect();
        back.send("CAP REQ :sasl").sendRegistration("alice");
        back.send("AUTHENTICATE PLAIN").send("AUTHENTICATE " + plain("alice", "correct-horse"));
        back.send("CAP END").expect(" 366 alice ");
        back.send("JOIN #vault");
        assertThat(back.expect(" 353 ")).endsWith(" #vault :@alice");
        watcher.send("NAMES #vault");
        assertThat(watcher.expect(" 353 ")).endsWith(" #vault :@alice"); // the same on the other node
    }

    private static String plain(String account, String password) {
        return Base64.getEncoder().encodeToString(("\0" + account + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }
}

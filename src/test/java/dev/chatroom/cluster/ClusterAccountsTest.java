package dev.chatroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryCluster;
import dev.chatroom.testing.InMemoryServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Accounts are the cluster's: made, changed and logged in to on one node, they count on every other. */
class ClusterAccountsTest {
    private final InMemoryCluster cluster = new InMemoryCluster();
    private final InMemoryServer n1 = cluster.start("n1");
    private final InMemoryServer n2 = cluster.start("n2");

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void anAccountMadeOnOneNodeWorksOnTheOthersAtOnce() {
        FakeClient bob = n2.connect().registerWithCaps("bob", "account-notify");
        FakeClient alice = n1.connect().register("alice");
        bob.expect(":alice!\\S+ JOIN #chatroom");
        alice.send("REGISTER * * correct-horse");
        alice.expect("REGISTER SUCCESS alice");
        bob.expect(":alice!\\S+ ACCOUNT alice");
        bob.send("WHOIS alice");
        bob.expect(" 330 bob alice alice ");
        alice.send("SETPASS battery-staple");
        alice.expect("SETPASS SUCCESS alice");
        alice.send("QUIT");

        assertThat(sasl(n2, "alice", "correct-horse")).contains(" 904 ");
        assertThat(sasl(n2, "alice", "battery-staple")).contains(" 900 ");
        FakeClient squatter = n2.connect().sendRegistration("alice");
        squatter.expect(" 433 \\* alice :Nickname is registered to an account");
    }

    @Test
    void ofOneNameRegisteredOnTwoNodesAtOnceTheFirstOnTheBusGetsIt() {
        FakeClient first = n2.connect().send("CAP LS 302").send("NICK zed");
        FakeClient second = n1.connect().send("CAP LS 302").send("NICK zed");
        cluster.clock.atOnce(() -> {
            first.send("REGISTER * * correct-horse-1");
            second.send("REGISTER * * correct-horse-2");
        });
        first.expect("REGISTER SUCCESS zed");
        second.expect("FAIL REGISTER ACCOUNT_EXISTS");
        assertThat(sasl(n1, "zed", "correct-horse-1")).contains(" 900 ");
        assertThat(sasl(n2, "zed", "correct-horse-2")).contains(" 904 ");
    }

    @Test
    void aLoginAfterJoiningShowsOnEveryNode() {
        n1.connect().register("alice").send("REGISTER * * correct-horse").expect("REGISTER SUCCESS");
        FakeClient bob = n2.connect().registerWithCaps("bob", "account-notify");
        FakeClient guest = n1.connect().register("guest");
        bob.expect(":guest!\\S+ JOIN #chatroom");
        guest.send("AUTHENTICATE PLAIN");
        guest.expect("AUTHENTICATE \\+");
        guest.send("AUTHENTICATE " + plain("alice", "correct-horse"));
        guest.expect(" 900 ");
        bob.expect(":guest!\\S+ ACCOUNT alice");
        bob.send("WHOIS guest");
        bob.expect(" 330 bob guest alice ");
    }

    @Test
    void aDroppedAccountIsGoneOnEveryNode() {
        FakeClient alice = n1.connect().register("alice").send("REGISTER * * correct-horse");
        alice.expect("REGISTER SUCCESS");
        alice.send("QUIT");
        n2.admin.execute("/drop alice");
        assertThat(sasl(n1, "alice", "correct-horse")).contains(" 904 ");
        n1.connect().register("alice"); // the name is free again
    }

    /** Logs in with SASL PLAIN on a new connection: the 900 or 904 line. */
    private String sasl(InMemoryServer node, String account, String password) {
        FakeClient c = node.connect()
                .send("CAP REQ :sasl")
                .send("NICK " + account + "_x")
                .send("USER a 0 * :a")
                .send("AUTHENTICATE PLAIN");
        c.expect("AUTHENTICATE \\+");
        c.send("AUTHENTICATE " + plain(account, password));
        cluster.advance(Duration.ofSeconds(1)); // a failure is answered only after a second
        List<String> lines = c.sync();
        return lines.stream()
                .filter(l -> l.matches(".* 90[04] .*"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no 900 or 904: " + lines));
    }

    private static String plain(String account, String password) {
        return Base64.getEncoder().encodeToString(("\0" + account + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }
}

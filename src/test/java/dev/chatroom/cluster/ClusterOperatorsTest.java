package dev.chatroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryCluster;
import dev.chatroom.testing.InMemoryServer;
import dev.chatroom.testing.Opers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * IRC operators in a cluster: they hear of every node's requests, their answers race the consoles'
 * in the bus's one order, and what they do (KILL, WALLOPS, MODE) reaches users of every node.
 */
class ClusterOperatorsTest {
    private final InMemoryCluster cluster = new InMemoryCluster();
    private final InMemoryServer n1 =
            cluster.start("n1", b -> Opers.configured(b).approve(ApprovalPolicy.ASK));
    private final InMemoryServer n2 =
            cluster.start("n2", b -> Opers.configured(b).approve(ApprovalPolicy.ASK));
    private final FakeClient alice = Opers.operator(n1, "alice");
    private final FakeClient oscar = Opers.operator(n2, "oscar");

    {
        alice.sync();
        oscar.sync();
    }

    /** nick, accepted at its node's console and in the room; the operators' lines so far read. */
    private FakeClient member(InMemoryServer node, String nick) {
        FakeClient c = node.connect().sendRegistration(nick);
        node.admin.execute("/accept " + nick);
        c.expect(" 366 " + nick + " ");
        alice.sync();
        oscar.sync();
        return c;
    }

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void anOperatorAnswersARequestMadeOnAnotherNodeAndEveryoneHearsWhoDid() {
        FakeClient dave = n2.connect("10.0.0.9").sendRegistration("dave");
        dave.expect("Waiting for the admin");
        assertThat(alice.sync())
                .containsExactly(":chatroom NOTICE alice :*** dave (no account, 10.0.0.9) wants to join: APPROVE dave"
                        + " or REJECT dave [reason]");

        alice.send("APPROVE dave");
        dave.expect(" 001 dave ");
        dave.expect(" 366 dave ");
        assertThat(alice.sync()).contains(":chatroom NOTICE alice :*** dave was accepted by alice.");
        assertThat(oscar.sync()).contains(":chatroom NOTICE oscar :*** dave was accepted by alice.");
        n1.expectEvent("^IRC operator alice: /accept dave$");
        n2.expectEvent("^IRC operator alice: /accept dave$"); // the consoles of every node see who answered
        n2.expectEvent("dave entered the chatroom");

        alice.send("APPROVE dave");
        assertThat(alice.sync()).containsExactly(":chatroom NOTICE alice :No request from dave. Type /pending.");
    }

    @Test
    void ofAnOperatorsAnswerAndAConsolesAtOnceTheFirstOnTheBusWins() {
        FakeClient dave = n2.connect().sendRegistration("dave");
        dave.expect("Waiting for the admin");
        alice.sync();
        oscar.sync();
        cluster.clock.atOnce(() -> {
            alice.send("REJECT dave :first");
            n2.admin.execute("/accept dave");
        });
        assertThat(dave.awaitClosed())
                .anyMatch(l -> l.contains("ERROR :Closing link: the admin rejected your request: first"));
        assertThat(oscar.sync()).containsExactly(":chatroom NOTICE oscar :*** dave was rejected by alice: first");
        n2.expectEvent("^No request from dave");
        assertThat(n1.admin.execute("/pending")).isEqualTo("No one is waiting.");
    }

    @Test
    void aConsoleAnswerOnOneNodeIsToldToTheOperatorsOfAnother() {
        FakeClient dave = n1.connect().sendRegistration("dave");
        dave.expect("Waiting for the admin");
        assertThat(oscar.sync()).hasSize(1);
        n1.admin.execute("/reject dave");
        dave.awaitClosed();
        assertThat(oscar.sync()).containsExactly(":chatroom NOTICE oscar :*** dave was rejected by the admin.");
    }

    @Test
    void othersSeeAnOperatorOfAnotherNodeAsOneUntilSheDropsIt() {
        FakeClient bob = member(n2, "bob");
        bob.sync();
        bob.send("WHO alice");
        assertThat(bob.sync()).first().asString().contains(" alice H* :0 ");
        bob.send("WHOIS alice");
        assertThat(bob.sync()).contains(":chatroom 313 bob alice :is an IRC operator");

        alice.send("MODE alice -o");
        assertThat(alice.sync()).containsExactly(":alice MODE alice :-o");
        bob.send("WHO alice");
        assertThat(bob.sync()).first().asString().contains(" alice H :0 ");
    }

    @Test
    void anOperatorOfAnotherNodeIsToldOfANodeJoiningLater() {
        InMemoryServer n3 = cluster.start("n3", b -> Opers.configured(b).approve(ApprovalPolicy.ASK));
        FakeClient carol = member(n3, "carol");
        carol.send("WHOIS oscar");
        assertThat(carol.sync()).contains(":chatroom 313 carol oscar :is an IRC operator");
    }

    @Test
    void killRemovesAUserOfAnotherNodeAndTheRoomSeesWhy() {
        FakeClient bob = member(n2, "bob");
        FakeClient carol = member(n1, "carol");
        bob.sync();
        carol.sync();
        alice.sync();
        alice.send("KILL bob :spamming");
        assertThat(bob.awaitClosed()).contains("ERROR :Closing link: Killed (alice (spamming))");
        assertThat(carol.sync()).contains(":bob!~bob@127.0.0.1 QUIT :Killed (alice (spamming))");
        assertThat(oscar.sync()).contains(":bob!~bob@127.0.0.1 QUIT :Killed (alice (spamming))");
    }

    @Test
    void wallopsReachOperatorsAndPlusWUsersOfEveryNode() {
        FakeClient reader = member(n2, "reader");
        FakeClient plain = member(n2, "plain");
        reader.send("MODE reader +w");
        reader.sync();
        plain.sync();
        oscar.sync();
        alice.send("WALLOPS :restart at noon");
        String wallops = ":alice!~alice@127.0.0.1 WALLOPS :restart at noon";
        assertThat(alice.sync()).containsExactly(wallops);
        assertThat(oscar.sync()).containsExactly(wallops);
        assertThat(reader.sync()).containsExactly(wallops);
        assertThat(plain.sync()).isEmpty();
    }

    @Test
    void aConsoleLineForEveryNodeRunsOnEveryNode() {
        FakeClient bob = member(n2, "bob");
        alice.send("CONSOLE /ban bob spam");
        assertThat(bob.awaitClosed()).anyMatch(l -> l.contains("ERROR :You are banned: spam"));
        assertThat(alice.sync()).anyMatch(l -> l.startsWith(":chatroom NOTICE alice :Banned bob!*@* (spam)."));
        assertThat(n2.admin.execute("/bans")).contains("bob!*@*");
    }
}

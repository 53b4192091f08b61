package dev.chatroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.server.console.ConsoleAnswer;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryCluster;
import dev.chatroom.testing.InMemoryServer;
import dev.chatroom.testing.RecordingConsole;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admin consoles of a cluster: a request shows on every one, the first answer wins, actions run everywhere. */
class ClusterConsoleTest {
    private final InMemoryCluster cluster = new InMemoryCluster();
    private final InMemoryServer n1 = cluster.start("n1", b -> b.approve(ApprovalPolicy.ASK));
    private final InMemoryServer n2 = cluster.start("n2", b -> b.approve(ApprovalPolicy.ASK));

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void aRequestIsAnsweredOnAnotherNodesConsoleAndASecondAnswerFindsNoRequest() {
        FakeClient dave = n2.connect().sendRegistration("dave");
        dave.expect("Waiting for the admin");
        n1.expectEvent("^dave \\(.*\\) wants to join");
        n2.expectEvent("^dave \\(.*\\) wants to join");

        assertThat(n1.admin.execute("/accept dave")).isEmpty(); // published: it runs, and answers, when it comes back
        dave.expect(" 001 dave ");
        dave.expect(" 366 dave ");
        n2.expectEvent("dave entered the chatroom");
        n1.expectEvent("dave entered the chatroom");

        n1.admin.execute("/accept dave");
        n1.expectEvent("^No request from dave");
        assertThat(n2.events())
                .noneMatch(e -> e.contains("No request")); // the answer shows on the console that typed it
    }

    @Test
    void ofTwoAnswersAtOnceTheFirstOnTheBusWins() {
        FakeClient dave = n2.connect().sendRegistration("dave");
        dave.expect("Waiting for the admin");
        cluster.clock.atOnce(() -> {
            n1.admin.execute("y");
            n2.admin.execute("n");
        });
        dave.expect(" 001 dave ");
        assertThat(dave.isClosed()).isFalse();
        n2.expectEvent("^No request from dave");
        assertThat(n1.events()).noneMatch(e -> e.contains("No request"));
    }

    @Test
    void aRejectionOnOneConsoleClosesTheRequesterOnItsOwnNode() {
        FakeClient dave = n1.connect().sendRegistration("dave");
        dave.expect("Waiting for the admin");
        assertThat(n2.admin.execute("/pending")).contains("dave");
        n2.admin.execute("/reject dave not today");
        assertThat(dave.awaitClosed())
                .anyMatch(l -> l.contains("ERROR :Closing link: the admin rejected your request: not today"));
        n2.expectEvent("^Rejected dave");
        assertThat(n1.admin.execute("/pending")).isEqualTo("No one is waiting.");
    }

    @Test
    void aKickOnOneConsoleRemovesAUserOfAnotherNode() {
        FakeClient alice = n1.connect().sendRegistration("alice");
        n1.admin.execute("y");
        alice.expect(" 366 alice ");
        FakeClient bob = n2.connect().sendRegistration("bob");
        n2.admin.execute("y");
        bob.expect(" 366 bob ");
        alice.expect(":bob!\\S+ JOIN #chatroom");

        n2.admin.execute("/kick alice spam");
        assertThat(alice.awaitClosed()).anyMatch(l -> l.contains("spam"));
        bob.expect(":chatroom KICK #chatroom alice :spam");
        n2.expectEvent("alice was removed by the admin \\(spam\\)");
    }

    @Test
    void attachedConsolesOnTwoNodesSeeEveryRequestAndTheWinnersNameAndTheLoserItsMiss() {
        RecordingConsole one = RecordingConsole.attach(n1.admins, "console 1");
        RecordingConsole two = RecordingConsole.attach(n2.admins, "console 1");
        FakeClient dave = n2.connect().sendRegistration("dave");
        dave.expect("Waiting for the admin");
        one.expectEvent("^dave \\(.*\\) wants to join\\. Accept\\? \\[y/n/a\\]$");
        two.expectEvent("^dave \\(.*\\) wants to join\\. Accept\\? \\[y/n/a\\]$");
        assertThat(one.question().nick()).isEqualTo("dave");
        assertThat(two.question().nick()).isEqualTo("dave");

        List<CompletableFuture<ConsoleAnswer>> answers = new ArrayList<>();
        cluster.clock.atOnce(() -> {
            answers.add(one.attached().run("y"));
            answers.add(two.attached().run("/reject dave"));
            assertThat(answers).noneMatch(CompletableFuture::isDone); // published, not back yet
        });
        // each answer came back to the console that typed it, once the bus had put the two in one order
        assertThat(answers.get(0).join().text()).isEmpty();
        assertThat(answers.get(1).join().text()).isEqualTo("No request from dave. Type /pending.");
        dave.expect(" 001 dave ");
        assertThat(two.expectEvent("^\\(console 1 on n1\\)")).isEqualTo("(console 1 on n1) accepted dave");
        assertThat(n2.events()).contains("(console 1 on n1) accepted dave");
        assertThat(n1.events()).contains("(console 1) accepted dave").noneMatch(e -> e.contains("No request"));
        assertThat(one.events()).noneMatch(e -> e.startsWith("(console 1"));
        assertThat(one.question()).isNull();
        assertThat(two.question()).isNull();
    }

    @Test
    void aConsolesLineRunsHereWhenTheChatIsSplitAndStillAnswersIt() {
        RecordingConsole one = RecordingConsole.attach(n1.admins, "console 1");
        FakeClient alice = n1.connect().sendRegistration("alice");
        n1.admin.execute("y");
        alice.expect(" 366 alice ");
        cluster.cut("n1");
        assertThat(one.type("/kick alice spam")).isEqualTo("* alice was removed by the admin (spam).");
        alice.awaitClosed();
    }
}

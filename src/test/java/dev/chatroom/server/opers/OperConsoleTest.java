package dev.chatroom.server.opers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.server.console.OperatorConsole;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import dev.chatroom.testing.Opers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CONSOLE: every console command through IRC, answered with server notices, a line each. */
class OperConsoleTest {
    private final InMemoryServer server = new InMemoryServer(InMemoryServer.config(Opers::configured));
    private final FakeClient alice = Opers.operator(server, "alice");

    @Test
    void aConsoleLineIsAnsweredLineByLineAndLogged() {
        FakeClient bob = server.join("bob");
        alice.sync();
        alice.send("CONSOLE /users");
        assertThat(alice.sync())
                .containsExactly(
                        ":chatroom NOTICE alice :2 users connected, 0 waiting.",
                        ":chatroom NOTICE alice :  #chatroom (2): alice (127.0.0.1) bob (127.0.0.1)");
        server.expectEvent("^IRC operator alice: /users$");

        alice.send("CONSOLE :/ban bob spam and eggs"); // the line as one parameter or as words: the same
        assertThat(bob.awaitClosed()).contains("ERROR :You are banned: spam and eggs");
        assertThat(alice.sync()).contains(":chatroom NOTICE alice :Banned bob!*@* (spam and eggs). Disconnected: bob.");
        alice.send("CONSOLE /unban bob");
        assertThat(alice.sync()).containsExactly(":chatroom NOTICE alice :Unbanned bob!*@*.");
    }

    @Test
    void wrongLinesGetTheConsolesOwnAnswers() {
        alice.send("CONSOLE /nope");
        alice.send("CONSOLE /kick");
        alice.send("CONSOLE y");
        assertThat(alice.sync())
                .containsExactly(
                        ":chatroom NOTICE alice :Unknown command /nope. Type /help.",
                        ":chatroom NOTICE alice :Usage: /kick <nick> [#room] [reason]",
                        ":chatroom NOTICE alice :No one is waiting.");
    }

    @Test
    void yAnswersTheOldestRequestAsAtTheConsole() {
        InMemoryServer asking = new InMemoryServer(
                InMemoryServer.config(b -> Opers.configured(b).approve(ApprovalPolicy.ASK)));
        FakeClient oper = Opers.operator(asking, "alice");
        FakeClient bob = asking.connect().sendRegistration("bob");
        FakeClient carol = asking.connect().sendRegistration("carol");
        oper.sync();
        oper.send("CONSOLE y");
        bob.expect(" 001 bob ");
        assertThat(oper.sync()).contains(":chatroom NOTICE alice :*** bob was accepted by alice.");
        assertThat(carol.connection().state().name()).isEqualTo("PENDING");
    }

    @Test
    void aLongAnswerIsCutAtSpacesIntoNoticesThatFitAnIrcLine() {
        for (int i = 0; i < 40; i++) server.join("user" + i + "_with_a_long_nick");
        alice.sync();
        alice.send("CONSOLE /users");
        List<String> lines = alice.sync();
        assertThat(lines).hasSizeGreaterThan(3).allMatch(l -> l.getBytes().length <= 510);
        String all = String.join(
                " ",
                lines.stream()
                        .map(l -> l.substring(":chatroom NOTICE alice :".length()))
                        .toList());
        for (int i = 0; i < 40; i++) assertThat(all).contains("user" + i + "_with_a_long_nick (127.0.0.1)");
    }

    @Test
    void aLineForThisNodeRunsAsideAndTheOperatorsNextLinesWaitForItsAnswer() {
        ArrayDeque<Runnable> aside = new ArrayDeque<>();
        server.hub.console(new OperatorConsole(server, aside::add));
        alice.send("CONSOLE /stats").send("PING :after");
        assertThat(alice.sync()).isEmpty();
        aside.poll().run();
        List<String> lines = alice.sync();
        assertThat(lines.get(0)).startsWith(":chatroom NOTICE alice :Up ");
        assertThat(lines).last().isEqualTo(":chatroom PONG chatroom :after");
    }

    @Test
    void aOneTimePasswordGoesToTheOperatorWhoAskedAndIsNotLogged() {
        FakeClient bob = server.join("bob");
        bob.send("REGISTER * * correct-horse");
        bob.expect("REGISTER SUCCESS");
        bob.send("QUIT");
        alice.sync();
        server.events();
        alice.send("CONSOLE /resetpass bob");
        String answer = alice.sync().get(0);
        assertThat(answer).startsWith(":chatroom NOTICE alice :One-time password for bob: ");
        String secret = answer.substring(answer.lastIndexOf(' ') + 1);
        assertThat(server.events())
                .contains("IRC operator alice: /resetpass bob")
                .noneMatch(e -> e.contains(secret));

        FakeClient again = server.connect().send("CAP REQ :sasl").sendRegistration("bob");
        again.send("AUTHENTICATE PLAIN");
        again.send("AUTHENTICATE "
                + Base64.getEncoder().encodeToString(("\0bob\0" + secret).getBytes(StandardCharsets.UTF_8)));
        assertThat(again.expect(" 90[34] ")).contains(" 903 ");
    }

    @Test
    void shutdownStopsTheServerAsAtTheConsole() {
        FakeClient bob = server.join("bob");
        alice.send("CONSOLE /shutdown maintenance");
        assertThat(bob.awaitClosed()).contains("ERROR :Server shutting down: maintenance");
        assertThat(alice.isClosed()).isTrue();
    }
}

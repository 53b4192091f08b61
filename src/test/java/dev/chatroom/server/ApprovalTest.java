package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.server.ServerConfig.ApprovalPolicy;
import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.ServerTest;
import dev.chatroom.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApprovalTest extends ServerTest {
    @Override
    protected ServerConfig config() {
        return TestServer.config().withApproval(ApprovalPolicy.ASK);
    }

    private IrcTestClient request(String nick) throws Exception {
        IrcTestClient c = server.connect().sendRegistration(nick);
        assertThat(c.next()).isEqualTo(":chatroom NOTICE " + nick + " :Waiting for the admin to accept you...");
        return c;
    }

    @Test
    void pendingThenAcceptedWithY() throws Exception {
        IrcTestClient alice = request("alice");
        assertThat(server.expectEvent("wants to join")).isEqualTo("alice (127.0.0.1) wants to join. Accept? [y/n]");
        assertThat(alice.sync()).isEmpty(); // nothing happens while waiting, except PING answers

        assertThat(server.admin.execute("y")).isEmpty();
        alice.expect(" 001 alice ");
        alice.expect(":alice!~alice@127.0.0.1 JOIN #chatroom");
        server.expectEvent("^\\* alice entered the chatroom\\.$");
    }

    @Test
    void pendingThenRejectedWithReasonFreesTheNick() throws Exception {
        IrcTestClient bob = request("bob");
        server.expectEvent("bob .* wants to join");
        server.admin.execute("/reject bob not today");
        assertThat(bob.awaitClosed()).containsExactly("ERROR :Closing link: the admin rejected your request: not today");
        IrcTestClient again = server.connect();
        again.send("NICK bob");
        assertThat(again.sync()).isEmpty(); // no 433: the nick is free
    }

    @Test
    void rejectWithNAnswersTheOldest() throws Exception {
        IrcTestClient bob = request("bob");
        assertThat(server.admin.execute("n")).isEmpty();
        assertThat(bob.awaitClosed()).containsExactly("ERROR :Closing link: the admin rejected your request");
    }

    @Test
    void twoRequestsAnsweredOutOfOrder() throws Exception {
        IrcTestClient first = request("first");
        server.expectEvent("^first .* wants to join\\. Accept\\? \\[y/n\\]$");
        IrcTestClient second = request("second");
        assertThat(server.expectEvent("second")).isEqualTo("second (127.0.0.1) wants to join. Accept? [y/n] (1 other request waits)");
        assertThat(server.admin.execute("/pending")).startsWith("Waiting (2), oldest first:\n  first (127.0.0.1)").contains("\n  second (127.0.0.1)");

        assertThat(server.admin.execute("/accept second")).isEqualTo("Next: first (127.0.0.1) wants to join. Accept? [y/n]");
        second.expect(" 001 second ");
        assertThat(first.sync()).isEmpty();

        server.admin.execute("/reject first");
        first.awaitClosed();
        assertThat(server.admin.execute("/pending")).isEqualTo("No one is waiting.");
        second.send("NAMES #chatroom");
        assertThat(second.expect(" 353 ")).endsWith(":second");
    }

    @Test
    void pendingClientCanPingAndQuitAndIsGoneFromTheQueue() throws Exception {
        IrcTestClient c = request("carol");
        c.send("PING :still here");
        assertThat(c.next()).isEqualTo(":chatroom PONG chatroom :still here");
        c.send("PRIVMSG #chatroom :let me in");
        assertThat(c.next()).isEqualTo(":chatroom 451 carol :Waiting for the admin to accept you");
        c.send("QUIT :bored");
        assertThat(c.awaitClosed()).containsExactly("ERROR :Closing link: bored");
        server.expectEvent("carol stopped waiting \\(bored\\)");
        assertThat(server.admin.execute("/pending")).isEqualTo("No one is waiting.");
        assertThat(server.admin.execute("y")).isEqualTo("No one is waiting.");
    }

    @Test
    void theRoomKeepsChattingWhileRequestsWait() throws Exception {
        try (TestServer mixed = new TestServer(TestServer.config().withApproval(ApprovalPolicy.ASK))) {
            IrcTestClient a = mixed.connect().sendRegistration("a");
            a.next();
            mixed.admin.execute("y");
            a.expect(" 366 ");
            IrcTestClient b = mixed.connect().sendRegistration("b");
            b.next();
            mixed.admin.execute("y");
            b.expect(" 366 ");
            IrcTestClient waiting = mixed.connect().sendRegistration("w");
            waiting.next();
            a.send("PRIVMSG #chatroom :still chatting");
            assertThat(b.expect("PRIVMSG")).isEqualTo(":a!~a@127.0.0.1 PRIVMSG #chatroom :still chatting");
            assertThat(waiting.sync()).isEmpty();
        }
    }

    @Test
    void unknownAndMalformedConsoleInputGetsAHint() {
        assertThat(server.admin.execute("/frobnicate")).isEqualTo("Unknown command /frobnicate. Type /help.");
        assertThat(server.admin.execute("hello?")).isEqualTo("Type y or n to answer the oldest request, or /help.");
        assertThat(server.admin.execute("/accept")).isEqualTo("Usage: /accept <nick>");
        assertThat(server.admin.execute("/accept nobody")).isEqualTo("No request from nobody. Type /pending.");
        assertThat(server.admin.execute("/help")).contains("/accept <nick>", "/reject <nick> [reason]", "/pending", "/users");
    }

    @Test
    void usersListsTheRoom() throws Exception {
        IrcTestClient c = request("zed");
        server.admin.execute("y");
        c.expect(" 366 ");
        assertThat(server.admin.execute("/users")).isEqualTo("1 user connected, 0 waiting.\n  #chatroom (1): zed");
    }

    @Test
    void unansweredRequestExpires() throws Exception {
        try (TestServer impatient = new TestServer(TestServer.config().withApproval(ApprovalPolicy.ASK)
                .withApprovalTimeout(Duration.ofMillis(300)))) {
            IrcTestClient c = impatient.connect().sendRegistration("late");
            assertThat(c.awaitClosed()).containsExactly(
                    ":chatroom NOTICE late :Waiting for the admin to accept you...",
                    "ERROR :Closing link: your request expired: the admin did not answer in time");
            impatient.expectEvent("The request of late expired unanswered\\.");
        }
    }
}

package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.HubTest;
import dev.chatroom.testing.InMemoryServer;
import dev.chatroom.testing.RecordingConsole;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApprovalTest extends HubTest {
    @Override
    protected ServerConfig config() {
        return InMemoryServer.config(b -> b.approve(ApprovalPolicy.ASK));
    }

    private FakeClient request(String nick) {
        FakeClient c = server.connect().sendRegistration(nick);
        assertThat(c.next()).isEqualTo(":chatroom NOTICE " + nick + " :Waiting for the admin to accept you...");
        return c;
    }

    @Test
    void pendingThenAcceptedWithY() {
        FakeClient alice = request("alice");
        assertThat(server.expectEvent("wants to join"))
                .isEqualTo("alice (no account, 127.0.0.1) wants to join. Accept? [y/n/a]");
        assertThat(alice.sync()).isEmpty();

        assertThat(server.admin.execute("y")).isEmpty();
        alice.expect(" 001 alice ");
        alice.expect(":alice!~alice@127.0.0.1 JOIN #chatroom");
        server.expectEvent("^\\* alice entered the chatroom\\.$");
    }

    @Test
    void standardRepliesTellAClientItsStateAsACode() {
        FakeClient alice = server.connect();
        alice.send("CAP REQ :standard-replies").sendRegistration("alice").send("CAP END");
        assertThat(alice.sync())
                .containsExactly(
                        ":chatroom CAP * ACK :standard-replies",
                        ":chatroom NOTE * APPROVAL_PENDING :Waiting for the admin to accept you...");
        server.admin.execute("/reject alice not today");
        assertThat(alice.awaitClosed())
                .containsExactly(
                        ":chatroom FAIL * APPROVAL_REJECTED :the admin rejected your request: not today",
                        "ERROR :Closing link: the admin rejected your request: not today");
    }

    @Test
    void pendingThenRejectedWithReasonFreesTheNick() {
        FakeClient bob = request("bob");
        server.expectEvent("bob .* wants to join");
        server.events();
        assertThat(server.admin.execute("/reject bob not today")).isEqualTo("Rejected bob.");
        assertThat(bob.awaitClosed())
                .containsExactly("ERROR :Closing link: the admin rejected your request: not today");
        assertThat(server.events()).isEmpty(); // the admin's own answer is the only line about it
        FakeClient again = server.connect();
        again.send("NICK bob");
        assertThat(again.sync()).isEmpty(); // no 433: the nick is free
    }

    @Test
    void rejectWithNAnswersTheOldest() {
        FakeClient bob = request("bob");
        assertThat(server.admin.execute("n")).isEqualTo("Rejected bob.");
        assertThat(bob.awaitClosed()).containsExactly("ERROR :Closing link: the admin rejected your request");
    }

    @Test
    void twoRequestsAnsweredOutOfOrder() {
        RecordingConsole console = RecordingConsole.attach(server.admins, "console 1");
        FakeClient first = request("first");
        server.expectEvent("^first .* wants to join\\. Accept\\? \\[y/n/a\\]$");
        FakeClient second = request("second");
        // the newer request is told, not asked: y answers the older one, and the console's question says so
        assertThat(server.expectEvent("second"))
                .isEqualTo("second (no account, 127.0.0.1) wants to join; 2 requests wait.");
        assertThat(console.question().text())
                .isEqualTo("first (no account, 127.0.0.1) wants to join. Accept? [y/n/a] (1 more waiting)");
        assertThat(console.question().prompt()).isEqualTo("Accept first (1 more waiting)? [y/n/a] ");
        assertThat(server.admin.execute("/pending"))
                .startsWith("Waiting (2), oldest first:\n  first (127.0.0.1)")
                .contains("\n  second (127.0.0.1)");

        assertThat(server.admin.execute("/accept second")).isEmpty();
        assertThat(console.question().text()).isEqualTo("first (no account, 127.0.0.1) wants to join. Accept? [y/n/a]");
        second.expect(" 001 second ");
        assertThat(first.sync()).isEmpty();

        assertThat(server.admin.execute("/reject first")).isEqualTo("Rejected first.");
        first.awaitClosed();
        assertThat(server.admin.execute("/pending")).isEqualTo("No one is waiting.");
        assertThat(console.question()).isNull();
        second.sync();
        second.send("NAMES #chatroom");
        assertThat(second.expect(" 353 ")).endsWith(":second");
    }

    @Test
    void pendingClientCanPingAndQuitAndIsGoneFromTheQueue() {
        FakeClient c = request("carol");
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
    void theRoomKeepsChattingWhileRequestsWait() {
        FakeClient a = request("a");
        server.admin.execute("y");
        a.expect(" 366 ");
        FakeClient b = request("b");
        server.admin.execute("y");
        b.expect(" 366 ");
        a.sync();
        FakeClient waiting = request("w");
        a.send("PRIVMSG #chatroom :still chatting");
        assertThat(b.expect("PRIVMSG")).isEqualTo(":a!~a@127.0.0.1 PRIVMSG #chatroom :still chatting");
        assertThat(waiting.sync()).isEmpty();
    }

    @Test
    void unknownAndMalformedConsoleInputGetsAHint() {
        assertThat(server.admin.execute("/frobnicate")).isEqualTo("Unknown command /frobnicate. Type /help.");
        assertThat(server.admin.execute("hello?")).isEqualTo("Type y or n to answer the oldest request, or /help.");
        assertThat(server.admin.execute("/accept")).isEqualTo("Usage: /accept <nick> [always]");
        assertThat(server.admin.execute("/accept nobody")).isEqualTo("No request from nobody. Type /pending.");
        assertThat(server.admin.execute("/help"))
                .contains("/accept <nick>", "/reject <nick> [reason]", "/pending", "/users");
    }

    @Test
    void usersListsTheRoom() {
        FakeClient c = request("zed");
        server.admin.execute("y");
        c.expect(" 366 ");
        assertThat(server.admin.execute("/users"))
                .isEqualTo("1 user connected, 0 waiting.\n  #chatroom (1): zed (127.0.0.1)");
    }

    @Test
    void unansweredRequestExpiresOnTime() {
        try (InMemoryServer impatient = new InMemoryServer(InMemoryServer.config(b -> b.approve(ApprovalPolicy.ASK)
                .approvalTimeout(Duration.ofMinutes(5))
                .pingInterval(Duration.ofMinutes(10))))) {
            FakeClient c = impatient.connect().sendRegistration("late");
            impatient.advance(Duration.ofSeconds(299));
            assertThat(c.isClosed()).isFalse();
            impatient.advance(Duration.ofSeconds(1));
            assertThat(c.awaitClosed())
                    .containsExactly(
                            ":chatroom NOTICE late :Waiting for the admin to accept you...",
                            "ERROR :Closing link: your request expired: the admin did not answer in time");
            impatient.expectEvent("The request of late expired unanswered\\.");
            assertThat(impatient.events()).isEmpty();
        }
    }

    @Test
    void anAnsweredRequestNeverExpires() {
        try (InMemoryServer s = new InMemoryServer(
                InMemoryServer.config(b -> b.approve(ApprovalPolicy.ASK).approvalTimeout(Duration.ofSeconds(30))))) {
            FakeClient c = s.connect().sendRegistration("quick");
            s.admin.execute("y");
            s.advance(Duration.ofSeconds(45));
            c.expect(" 366 quick ");
            assertThat(c.sync()).isEmpty();
            assertThat(c.isClosed()).isFalse();
        }
    }
}

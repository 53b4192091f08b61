package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.ServerTest;
import dev.chatroom.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepartureTest extends ServerTest {

    @Test
    void quitWithReasonIsAnnouncedAndTheQuitterGetsError() throws Exception {
        IrcTestClient alice = server.join("alice");
        IrcTestClient bob = server.join("bob");
        alice.sync();
        bob.send("QUIT :see you");
        assertThat(bob.awaitClosed()).containsExactly("ERROR :Closing link: see you");
        assertThat(alice.next()).isEqualTo(":bob!~bob@127.0.0.1 QUIT :see you");
        server.expectEvent("^\\* bob left the chat \\(see you\\)$");
    }

    @Test
    void quitWithoutReasonSaysLeftTheChat() throws Exception {
        IrcTestClient alice = server.join("alice");
        IrcTestClient bob = server.join("bob");
        alice.sync();
        bob.send("QUIT");
        assertThat(alice.next()).isEqualTo(":bob!~bob@127.0.0.1 QUIT :left the chat");
        server.expectEvent("^\\* bob left the chat\\.$");
    }

    @Test
    void nickIsFreeTheMomentTheQuitterIsGone() throws Exception {
        IrcTestClient bob = server.join("bob");
        bob.send("QUIT");
        bob.awaitClosed();
        server.join("bob"); // would get 433 and time out if the nick were still held
    }

    @Test
    void abruptCloseIsAnnouncedAsConnectionLostAndLeavesNothingBehind() throws Exception {
        IrcTestClient alice = server.join("alice");
        IrcTestClient bob = server.join("bob");
        alice.sync();
        bob.abort();
        assertThat(alice.next()).isEqualTo(":bob!~bob@127.0.0.1 QUIT :connection lost");
        Connection ghost = server.onLoop(h -> h.nicks().find("bob"));
        int members = server.onLoop(h -> h.rooms().find("#chatroom").size());
        int connections = server.onLoop(h -> h.connections().size());
        assertThat(ghost).isNull();
        assertThat(members).isEqualTo(1);
        assertThat(connections).isEqualTo(1);
        server.join("bob");
    }

    @Test
    void clientVanishingMidLineIsAnnouncedAndThePartialLineIsNeverProcessed() throws Exception {
        IrcTestClient alice = server.join("alice");
        IrcTestClient bob = server.join("bob");
        alice.sync();
        bob.sendRaw("PRIVMSG #chatroom :half a mess".getBytes());
        bob.close();
        assertThat(alice.next()).isEqualTo(":bob!~bob@127.0.0.1 QUIT :connection lost");
    }

    @Test
    void leavingAllRoomsTellsEachCoMemberOnce() throws Exception {
        IrcTestClient alice = server.join("alice");
        IrcTestClient bob = server.join("bob");
        alice.send("JOIN #side");
        alice.expect(" 366 alice #side ");
        bob.send("JOIN #side");
        bob.expect(" 366 bob #side ");
        alice.sync();
        bob.send("QUIT :bye");
        bob.awaitClosed();
        assertThat(alice.sync()).containsExactly(":bob!~bob@127.0.0.1 QUIT :bye");
    }

    @Test
    void clientThatNeverReadsIsDroppedWhileTwentyOthersGetEveryMessage() throws Exception {
        try (TestServer small = new TestServer(TestServer.config().withSendQueueBytes(256 * 1024))) {
            List<IrcTestClient> readers = new ArrayList<>();
            for (int i = 0; i < 20; i++) readers.add(small.join("reader" + i));
            IrcTestClient stuck = new IrcTestClient(small.port(), false);
            stuck.sendRegistration("stuck");
            IrcTestClient sender = small.join("sender");
            sender.sync();

            String payload = "x".repeat(400);
            int sent = 0;
            boolean dropped = false;
            while (!dropped && sent < 40_000) {
                for (int i = 0; i < 100; i++) sender.send("PRIVMSG #chatroom :" + (sent++) + " " + payload);
                for (String l : sender.sync()) if (l.equals(":stuck!~stuck@127.0.0.1 QUIT :SendQ exceeded")) dropped = true;
            }
            assertThat(dropped).as("the stuck client was dropped").isTrue();
            small.expectEvent("^\\* stuck left the chat \\(SendQ exceeded\\)$");
            for (IrcTestClient r : readers) {
                int got = 0;
                boolean sawQuit = false;
                for (String l : r.sync()) {
                    if (l.startsWith(":sender!~sender@127.0.0.1 PRIVMSG #chatroom :")) got++;
                    if (l.contains("QUIT :SendQ exceeded")) sawQuit = true;
                }
                // readers' earlier lines were consumed by nobody: count everything since they joined
                assertThat(got).as(r.nick + " received every message").isEqualTo(sent);
                assertThat(sawQuit).isTrue();
            }
            stuck.close();
        }
    }

    @Test
    void silentClientIsPingedThenDroppedAsPingTimeout() throws Exception {
        try (TestServer quick = new TestServer(TestServer.config().withPing(Duration.ofMillis(300), Duration.ofMillis(300)))) {
            IrcTestClient watcher = quick.join("watcher").autoPong();
            IrcTestClient silent = quick.join("silent");
            assertThat(silent.expect("^PING ")).isEqualTo("PING :chatroom");
            assertThat(silent.awaitClosed()).containsExactly("ERROR :Closing link: ping timeout");
            watcher.expect(":silent!~silent@127.0.0.1 QUIT :ping timeout");
        }
    }

    @Test
    void closingTheServerTellsEveryClientAndClosesThem() throws Exception {
        TestServer closing = TestServer.start();
        IrcTestClient a = closing.join("a");
        IrcTestClient b = closing.join("b");
        IrcTestClient registering = closing.connect();
        a.sync();
        closing.stopServer();
        assertThat(a.awaitClosed()).containsExactly("ERROR :Server shutting down");
        assertThat(b.awaitClosed()).last().isEqualTo("ERROR :Server shutting down");
        assertThat(registering.awaitClosed()).containsExactly("ERROR :Server shutting down");
    }

    @Test
    void clientThatAnswersPingsStays() throws Exception {
        try (TestServer quick = new TestServer(TestServer.config().withPing(Duration.ofMillis(200), Duration.ofMillis(400)))) {
            IrcTestClient alive = quick.join("alive");
            for (int i = 0; i < 3; i++) {
                String ping = alive.expect("^PING ");
                alive.send("PONG " + ping.substring(5));
            }
            assertThat(alive.sync()).noneMatch(l -> l.startsWith("ERROR"));
        }
    }
}

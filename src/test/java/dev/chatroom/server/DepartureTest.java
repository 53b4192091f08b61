package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.HubTest;
import dev.chatroom.testing.InMemoryServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DepartureTest extends HubTest {

    @Test
    void quitWithReasonIsAnnouncedAndTheQuitterGetsError() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.sync();
        bob.send("QUIT :see you");
        assertThat(bob.awaitClosed()).containsExactly("ERROR :Closing link: see you");
        assertThat(alice.next()).isEqualTo(":bob!~bob@127.0.0.1 QUIT :see you");
        server.expectEvent("^\\* bob left the chat \\(see you\\)$");
    }

    @Test
    void quitWithoutReasonSaysLeftTheChat() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.sync();
        bob.send("QUIT");
        assertThat(alice.next()).isEqualTo(":bob!~bob@127.0.0.1 QUIT :left the chat");
        server.expectEvent("^\\* bob left the chat\\.$");
    }

    @Test
    void nickIsFreeTheMomentTheQuitterIsGone() {
        FakeClient bob = server.join("bob");
        bob.send("QUIT");
        bob.awaitClosed();
        server.join("bob"); // would get 433 and fail if the nick were still held
    }

    @Test
    void lostConnectionIsAnnouncedAndLeavesNothingBehind() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.sync();
        bob.drop();
        assertThat(alice.next()).isEqualTo(":bob!~bob@127.0.0.1 QUIT :connection lost");
        assertThat(server.hub.users().find("bob")).isNull();
        assertThat(server.hub.rooms().find("#chatroom").size()).isEqualTo(1);
        assertThat(server.hub.users().count()).isEqualTo(1);
        assertThat(bob.connection().rooms()).isEmpty();
        server.expectEvent("^\\* bob left the chat \\(connection lost\\)$");
        server.join("bob");
    }

    @Test
    void clientVanishingMidLineIsAnnouncedAndThePartialLineIsNeverProcessed() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.sync();
        bob.sendRaw("PRIVMSG #chatroom :half a mess".getBytes());
        bob.drop();
        assertThat(alice.sync()).containsExactly(":bob!~bob@127.0.0.1 QUIT :connection lost");
    }

    @Test
    void leavingAllRoomsTellsEachCoMemberOnce() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.send("JOIN #side");
        bob.send("JOIN #side");
        alice.sync();
        bob.send("QUIT :bye");
        assertThat(alice.sync()).containsExactly(":bob!~bob@127.0.0.1 QUIT :bye");
    }

    @Test
    void silentClientIsPingedThenDroppedAsPingTimeout() {
        FakeClient watcher = server.join("watcher");
        FakeClient silent = server.join("silent");
        watcher.sync();
        server.advance(Duration.ofSeconds(59));
        assertThat(silent.sync()).isEmpty();
        server.advance(Duration.ofSeconds(1));
        assertThat(silent.next()).isEqualTo("PING :chatroom");
        watcher.sync();
        watcher.send("PONG :chatroom");
        server.advance(Duration.ofSeconds(59));
        assertThat(silent.isClosed()).isFalse();
        server.advance(Duration.ofSeconds(1));
        assertThat(silent.awaitClosed()).containsExactly("ERROR :Closing link: ping timeout");
        assertThat(watcher.sync()).contains(":silent!~silent@127.0.0.1 QUIT :ping timeout");
    }

    @Test
    void clientThatAnswersPingsStays() {
        FakeClient alive = server.join("alive");
        for (int i = 0; i < 5; i++) {
            server.advance(Duration.ofSeconds(60));
            String ping = alive.expect("^PING ");
            server.advance(Duration.ofSeconds(30));
            alive.send("PONG " + ping.substring(5));
        }
        assertThat(alive.isClosed()).isFalse();
        assertThat(alive.sync()).noneMatch(l -> l.startsWith("ERROR"));
    }

    @Test
    void anyLineCountsAsAlive() {
        FakeClient chatty = server.join("chatty");
        for (int i = 0; i < 10; i++) {
            server.advance(Duration.ofSeconds(50));
            chatty.send("PRIVMSG #chatroom :still here " + i);
        }
        assertThat(chatty.sync()).noneMatch(l -> l.startsWith("PING"));
    }

    @Test
    void closingTheServerTellsEveryClientAndClosesThem() {
        FakeClient a = server.join("a");
        FakeClient b = server.join("b");
        FakeClient registering = server.connect();
        a.sync();
        server.events();
        server.shutdown(null);
        assertThat(a.awaitClosed()).containsExactly("ERROR :Server shutting down");
        assertThat(b.awaitClosed()).containsExactly("ERROR :Server shutting down");
        assertThat(registering.awaitClosed()).containsExactly("ERROR :Server shutting down");
        assertThat(server.events()).isEmpty(); // nobody "left the chat": the server went
    }

    @Test
    void shutdownWithAReasonTellsEveryone() {
        try (InMemoryServer s = new InMemoryServer()) {
            FakeClient alice = s.join("alice");
            assertThat(s.admin.execute("/shutdown maintenance")).isEmpty();
            assertThat(s.admin.stopped()).isTrue();
            assertThat(alice.awaitClosed()).containsExactly("ERROR :Server shutting down: maintenance");
        }
    }
}

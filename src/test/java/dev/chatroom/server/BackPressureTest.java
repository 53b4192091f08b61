package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.HubTest;
import dev.chatroom.testing.InMemoryServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When queued output is over the budget, senders wait (nothing lost, nothing reordered) and go on when it drains. */
class BackPressureTest extends HubTest {
    @Test
    void sendersAreHeldWhileTheBudgetIsFullAndGoOnInOrderWhenItDrains() {
        FakeClient reader = server.join("reader");
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        reader.sync();
        alice.sync();
        server.budget.fill();
        alice.send("PRIVMSG #chatroom :a1").send("PRIVMSG #chatroom :a2");
        bob.send("PRIVMSG #chatroom :b1");
        assertThat(reader.sync()).isEmpty();
        assertThat(alice.link().readingPaused()).isTrue();
        assertThat(bob.link().readingPaused()).isTrue();
        alice.send("PING :alive");
        assertThat(alice.sync()).isEmpty(); // behind its held lines, in order
        server.budget.empty();
        List<String> got = reader.sync();
        assertThat(got)
                .containsExactly(
                        ":alice!~alice@127.0.0.1 PRIVMSG #chatroom :a1",
                        ":alice!~alice@127.0.0.1 PRIVMSG #chatroom :a2",
                        ":bob!~bob@127.0.0.1 PRIVMSG #chatroom :b1");
        assertThat(alice.sync())
                .containsExactly(":chatroom PONG chatroom :alive", ":bob!~bob@127.0.0.1 PRIVMSG #chatroom :b1");
        assertThat(alice.link().readingPaused()).isFalse();
        assertThat(bob.link().readingPaused()).isFalse();
    }

    @Test
    void keepaliveAndQuitAreNeverHeld() {
        FakeClient reader = server.join("reader");
        FakeClient alice = server.join("alice");
        reader.sync();
        server.budget.fill();
        alice.send("PING :first");
        assertThat(alice.sync()).containsExactly(":chatroom PONG chatroom :first");
        alice.send("QUIT :bye");
        assertThat(alice.awaitClosed()).containsExactly("ERROR :Closing link: bye");
        assertThat(reader.sync()).containsExactly(":alice!~alice@127.0.0.1 QUIT :bye");
    }

    @Test
    void aHeldSenderIsNeverDroppedAsAFlooder() {
        try (var s =
                new InMemoryServer(InMemoryServer.config(b -> b.floodBurst(1000).floodRate(1000)))) {
            FakeClient reader = s.join("reader");
            FakeClient talker = s.join("talker");
            reader.sync();
            s.budget.fill();
            for (int i = 0; i < Inbox.MAX_BACKLOG * 2; i++) talker.send("PRIVMSG #chatroom :" + i);
            s.advance(Duration.ofMinutes(1));
            assertThat(talker.isClosed()).isFalse();
            s.budget.empty();
            assertThat(reader.sync().stream().filter(l -> l.contains("PRIVMSG")))
                    .hasSize(Inbox.MAX_BACKLOG * 2);
        }
    }
}

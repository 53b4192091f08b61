package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flood control, connection limits and timeouts, each on its own server with a manual clock. */
class ProtectionTest {
    private static byte[] lines(String prefix, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(prefix).append(i).append("\r\n");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aBurstOverTheLimitIsSlowedDownButNothingIsLostOrReordered() {
        try (InMemoryServer s =
                new InMemoryServer(InMemoryServer.config(b -> b.floodBurst(5).floodRate(20)))) {
            FakeClient reader = s.join("reader");
            FakeClient talker = s.join("talker");
            reader.sync();
            s.advance(Duration.ofSeconds(1)); // registration used some of the burst; let it refill
            talker.sendRaw(lines("PRIVMSG #chatroom :line ", 25));
            talker.send("PING :after the burst");
            assertThat(reader.sync()).hasSize(5); // the burst
            assertThat(talker.link().readingPaused()).isTrue();
            assertThat(talker.sync()).isEmpty(); // the PING waits its turn behind the held lines
            s.advance(Duration.ofMillis(520));
            assertThat(reader.sync()).hasSize(10); // 20 per second
            s.advance(Duration.ofSeconds(1));
            List<String> rest = reader.sync();
            assertThat(rest).hasSize(10);
            assertThat(rest.get(9)).endsWith(":line 24");
            assertThat(talker.sync()).containsExactly(":chatroom PONG chatroom :after the burst");
            assertThat(talker.link().readingPaused()).isFalse();
        }
    }

    @Test
    void heldLinesKeepTheirOrder() {
        try (InMemoryServer s =
                new InMemoryServer(InMemoryServer.config(b -> b.floodBurst(2).floodRate(1)))) {
            FakeClient reader = s.join("reader");
            FakeClient talker = s.join("talker");
            reader.sync();
            talker.sendRaw(lines("PRIVMSG #chatroom :n", 6));
            s.advance(Duration.ofSeconds(10));
            List<String> got = reader.sync();
            assertThat(got).hasSize(6);
            for (int i = 0; i < 6; i++) assertThat(got.get(i)).endsWith(":n" + i);
        }
    }

    @Test
    void aClientThatKeepsFloodingIsDroppedAsExcessFlood() {
        try (InMemoryServer s = new InMemoryServer(
                InMemoryServer.config(b -> b.floodBurst(10).floodRate(2).floodDropAfter(Duration.ofSeconds(5))))) {
            FakeClient watcher = s.join("watcher");
            FakeClient flooder = s.join("flooder");
            watcher.sync();
            s.advance(Duration.ofSeconds(5)); // a full burst again after registering
            watcher.sync();
            flooder.sendRaw(lines("PRIVMSG #chatroom :flood ", 100));
            s.advance(Duration.ofSeconds(4));
            assertThat(flooder.isClosed()).isFalse();
            s.advance(Duration.ofSeconds(2));
            assertThat(flooder.awaitClosed()).last().isEqualTo("ERROR :Closing link: Excess flood");
            List<String> seen = watcher.sync();
            assertThat(seen).last().isEqualTo(":flooder!~flooder@127.0.0.1 QUIT :Excess flood");
            assertThat(seen.stream().filter(l -> l.contains("PRIVMSG")).count())
                    .isBetween(19L, 21L); // the burst, then 2 per second for 5 s
        }
    }

    @Test
    void tooManyHeldLinesIsExcessFloodAtOnce() {
        try (InMemoryServer s =
                new InMemoryServer(InMemoryServer.config(b -> b.floodBurst(10).floodRate(2)))) {
            FakeClient flooder = s.join("flooder");
            flooder.sendRaw(lines("PRIVMSG #chatroom :flood ", 10 + Inbox.MAX_BACKLOG + 1));
            assertThat(flooder.awaitClosed()).last().isEqualTo("ERROR :Closing link: Excess flood");
        }
    }

    @Test
    void pingIsNeverThrottled() {
        try (InMemoryServer s =
                new InMemoryServer(InMemoryServer.config(b -> b.floodBurst(1).floodRate(1)))) {
            FakeClient c = s.connect().sendRegistration("pinger");
            s.advance(Duration.ofSeconds(2));
            c.expect(" 366 pinger ");
            for (int i = 0; i < 5; i++) c.send("PING :" + i);
            assertThat(c.sync()).hasSize(5);
        }
    }

    @Test
    void tooManyConnectionsFromOneAddress() {
        try (InMemoryServer s = new InMemoryServer(InMemoryServer.config(b -> b.maxPerIp(3)))) {
            s.join("a");
            s.join("b");
            s.connect();
            FakeClient fourth = s.connect();
            assertThat(fourth.awaitClosed())
                    .containsExactly("ERROR :Closing link: too many connections from your address (3)");
            s.connect("10.0.0.2").register("other"); // another address is fine
            assertThat(s.admin.execute("/stats")).contains("too many from one address 1");
        }
    }

    @Test
    void serverFull() {
        try (InMemoryServer s = new InMemoryServer(InMemoryServer.config(b -> b.maxClients(2)))) {
            s.join("a");
            s.join("b");
            assertThat(s.connect().awaitClosed()).containsExactly("ERROR :Closing link: the server is full");
        }
    }

    @Test
    void registrationMustFinishInTime() {
        try (InMemoryServer s =
                new InMemoryServer(InMemoryServer.config(b -> b.registrationTimeout(Duration.ofSeconds(30))))) {
            FakeClient slow = s.connect();
            slow.send("NICK slowpoke");
            FakeClient quick = s.join("quick");
            s.advance(Duration.ofSeconds(29));
            assertThat(slow.isClosed()).isFalse();
            s.advance(Duration.ofSeconds(1));
            assertThat(slow.awaitClosed()).containsExactly("ERROR :Closing link: registration timeout");
            assertThat(quick.isClosed()).isFalse(); // registered in time: unaffected
        }
    }

    @Test
    void tooManyWaitingForTheAdmin() {
        try (InMemoryServer s = new InMemoryServer(
                InMemoryServer.config(b -> b.approve(ApprovalPolicy.ASK).maxPending(2)))) {
            s.connect().sendRegistration("one");
            s.connect().sendRegistration("two");
            FakeClient third = s.connect().sendRegistration("three");
            assertThat(third.awaitClosed())
                    .containsExactly("ERROR :Closing link: too many people are waiting for the admin; try again later");
        }
    }

    @Test
    void nickChangesAreAnnouncedAndRateLimited() {
        try (InMemoryServer s = new InMemoryServer()) {
            FakeClient watcher = s.join("watcher");
            FakeClient c = s.join("chameleon");
            watcher.sync();
            c.send("NICK one").send("NICK two").send("NICK three");
            assertThat(c.sync())
                    .containsExactly(
                            ":chameleon!~chameleon@127.0.0.1 NICK :one",
                            ":one!~chameleon@127.0.0.1 NICK :two",
                            ":chatroom 438 two three :Nick change too fast. Please wait 30 seconds.");
            assertThat(watcher.sync())
                    .containsExactly(
                            ":chameleon!~chameleon@127.0.0.1 NICK :one", ":one!~chameleon@127.0.0.1 NICK :two");
            c.send("NICK TWO"); // a change of case is not counted
            assertThat(c.sync()).containsExactly(":two!~chameleon@127.0.0.1 NICK :TWO");
            c.send("NICK two");
            c.sync();
            watcher.sync();
            s.advance(Duration.ofSeconds(20));
            c.send("NICK three");
            assertThat(c.sync())
                    .containsExactly(":chatroom 438 two three :Nick change too fast. Please wait 10 seconds.");
            s.advance(Duration.ofSeconds(10));
            c.send("NICK three");
            assertThat(c.sync()).containsExactly(":two!~chameleon@127.0.0.1 NICK :three");
        }
    }

    @Test
    void messageTextIsLoggedOnlyWhenAsked() {
        try (InMemoryServer quiet = new InMemoryServer()) {
            FakeClient a = quiet.join("alice");
            a.send("PRIVMSG #chatroom :secret");
            a.send("QUIT");
            quiet.expectEvent("^\\* alice left the chat\\.$");
            assertThat(quiet.eventsSeen()).noneMatch(e -> e.contains("secret"));
        }
        try (InMemoryServer logging = new InMemoryServer(InMemoryServer.config(b -> b.logMessages(true)))) {
            FakeClient a = logging.join("alice");
            a.send("PRIVMSG #chatroom :hello log");
            logging.expectEvent("^<alice to #chatroom> hello log$");
        }
    }
}

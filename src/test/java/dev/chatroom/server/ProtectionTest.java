package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.server.ServerConfig.ApprovalPolicy;
import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Flood control, connection limits and timeouts, each with its own server. */
class ProtectionTest {
    @Test
    void aBurstOverTheLimitIsSlowedDownButNothingIsLostOrReordered() throws Exception {
        try (TestServer s = new TestServer(TestServer.config().withFlood(5, 20))) {
            IrcTestClient reader = s.join("reader");
            IrcTestClient talker = s.join("talker");
            reader.sync();
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 25; i++) burst.append("PRIVMSG #chatroom :line ").append(i).append("\r\n");
            long start = System.nanoTime();
            talker.sendRaw(burst.toString().getBytes(StandardCharsets.US_ASCII));
            assertThat(talker.sync()).isEmpty(); // the PING waited its turn behind the throttled lines
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            // 5 at once, the other 20 at 20 per second: about a second, never much less
            assertThat(elapsedMs).isGreaterThanOrEqualTo(800);
            List<String> got = reader.sync();
            assertThat(got).hasSize(25);
            for (int i = 0; i < 25; i++) assertThat(got.get(i)).endsWith(":line " + i);
        }
    }

    @Test
    void aClientThatKeepsFloodingIsDroppedAsExcessFlood() throws Exception {
        try (TestServer s = new TestServer(TestServer.config().withFlood(10, 2).withFloodDropAfter(Duration.ofSeconds(1)))) {
            IrcTestClient watcher = s.join("watcher");
            IrcTestClient flooder = s.join("flooder");
            watcher.sync();
            StringBuilder flood = new StringBuilder();
            for (int i = 0; i < 2000; i++) flood.append("PRIVMSG #chatroom :flood ").append(i).append("\r\n");
            try {
                flooder.sendRaw(flood.toString().getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closedWhileWriting) {
                // the server may close the connection before the whole flood is written
            }
            assertThat(flooder.awaitClosed()).last().isEqualTo("ERROR :Closing link: Excess flood");
            watcher.expect(":flooder!~flooder@127.0.0.1 QUIT :Excess flood");
            long relayed = watcher.history().stream().filter(l -> l.contains("PRIVMSG")).count();
            assertThat(relayed).isBetween(10L, 13L); // the burst, plus 2 per second until dropped
        }
    }

    @Test
    void aFlooderDoesNotDelayOthers() throws Exception {
        try (TestServer s = new TestServer(TestServer.config().withFlood(10, 2).withFloodDropAfter(Duration.ofSeconds(2)))) {
            IrcTestClient reader = s.join("reader");
            IrcTestClient honest = s.join("honest");
            IrcTestClient flooder = s.join("flooder");
            reader.sync();
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<?> flooding = pool.submit(() -> {
                byte[] line = "PRIVMSG #chatroom :flooooooooooooooooooooooooooooooooood\r\n".getBytes(StandardCharsets.US_ASCII);
                try {
                    for (int i = 0; i < 200_000; i++) flooder.sendRaw(line);
                } catch (IOException dropped) {
                    // expected: the server drops the flooder
                }
                return null;
            });
            long worstMs = 0;
            for (int i = 0; i < 8; i++) { // within the honest client's burst allowance
                long sent = System.nanoTime();
                honest.send("PRIVMSG #chatroom :honest " + i);
                reader.expect(":honest!~honest@127.0.0.1 PRIVMSG #chatroom :honest " + i);
                worstMs = Math.max(worstMs, (System.nanoTime() - sent) / 1_000_000);
            }
            flooder.awaitClosed();
            flooding.get(30, TimeUnit.SECONDS);
            pool.shutdown();
            System.out.println("aFlooderDoesNotDelayOthers: worst honest delivery " + worstMs + " ms");
            // generous for a loaded CI machine; the note on the issue records what was measured
            assertThat(worstMs).as("worst delivery time of an honest message, ms").isLessThan(250);
        }
    }

    @Test
    void tooManyConnectionsFromOneAddress() throws Exception {
        try (TestServer s = new TestServer(TestServer.config().withMaxPerIp(3))) {
            s.join("a");
            s.join("b");
            s.connect();
            IrcTestClient fourth = s.connect();
            assertThat(fourth.awaitClosed()).containsExactly("ERROR :Closing link: too many connections from your address (3)");
        }
    }

    @Test
    void serverFull() throws Exception {
        try (TestServer s = new TestServer(TestServer.config().withMaxClients(2))) {
            s.join("a");
            s.join("b");
            assertThat(s.connect().awaitClosed()).containsExactly("ERROR :Closing link: the server is full (2 clients)");
        }
    }

    @Test
    void registrationMustFinishInTime() throws Exception {
        try (TestServer s = new TestServer(TestServer.config().withRegistrationTimeout(Duration.ofMillis(300)))) {
            IrcTestClient slow = s.connect();
            slow.send("NICK slowpoke");
            assertThat(slow.awaitClosed()).containsExactly("ERROR :Closing link: registration timeout");
            s.join("quick"); // registered in time: unaffected
        }
    }

    @Test
    void tooManyWaitingForTheAdmin() throws Exception {
        try (TestServer s = new TestServer(TestServer.config().withApproval(ApprovalPolicy.ASK).withMaxPending(2))) {
            s.connect().sendRegistration("one").next();
            s.connect().sendRegistration("two").next();
            IrcTestClient third = s.connect().sendRegistration("three");
            assertThat(third.awaitClosed()).containsExactly("ERROR :Closing link: too many people are waiting for the admin; try again later");
        }
    }

    @Test
    void nickChangesAreAnnouncedAndRateLimited() throws Exception {
        try (TestServer s = TestServer.start()) {
            IrcTestClient watcher = s.join("watcher");
            IrcTestClient c = s.join("chameleon");
            watcher.sync();
            c.send("NICK one").send("NICK two").send("NICK three");
            List<String> got = c.sync();
            assertThat(got).containsExactly(":chameleon!~chameleon@127.0.0.1 NICK :one", ":one!~chameleon@127.0.0.1 NICK :two",
                    ":chatroom 438 two three :Nick change too fast. Please wait 30 seconds.");
            assertThat(watcher.sync()).containsExactly(":chameleon!~chameleon@127.0.0.1 NICK :one", ":one!~chameleon@127.0.0.1 NICK :two");
        }
    }

    @Test
    void twoHundredClientsConnectingAtOnceAllRegister() throws Exception {
        try (TestServer s = new TestServer(TestServer.config().withMaxPerIp(500).withFlood(10, 2))) {
            List<IrcTestClient> clients = new ArrayList<>();
            for (int i = 0; i < 200; i++) clients.add(s.connect());
            for (int i = 0; i < 200; i++) clients.get(i).sendRegistration("crowd" + i);
            for (int i = 0; i < 200; i++) clients.get(i).expect(" 366 crowd" + i + " #chatroom ");
            int members = s.onLoop(h -> h.rooms().find("#chatroom").size());
            assertThat(members).isEqualTo(200);
        }
    }

    @Test
    void messageTextIsLoggedOnlyWhenAsked() throws Exception {
        try (TestServer quiet = TestServer.start()) {
            IrcTestClient a = quiet.join("alice");
            a.send("PRIVMSG #chatroom :secret");
            a.send("QUIT");
            quiet.expectEvent("^\\* alice left the chat\\.$");
            assertThat(quiet.eventsSeen()).noneMatch(e -> e.contains("secret"));
        }
        try (TestServer logging = new TestServer(TestServer.config().withLogMessages(true))) {
            IrcTestClient a = logging.join("alice");
            a.send("PRIVMSG #chatroom :hello log");
            logging.expectEvent("^<alice to #chatroom> hello log$");
        }
    }
}

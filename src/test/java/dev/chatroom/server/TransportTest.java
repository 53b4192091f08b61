package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

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

/** What only real sockets show: framing across reads, slow readers, resets, many connections, shutdown. */
class TransportTest {
    @Test
    void registersAndChatsOverTcp() throws Exception {
        try (TestServer s = TestServer.start()) {
            IrcTestClient alice = s.join("alice");
            IrcTestClient bob = s.join("bob");
            alice.expect(":bob!~bob@127.0.0.1 JOIN #chatroom");
            // one line split across two writes, then two lines in one write
            alice.sendRaw("PRIVMSG #chatroom :hel".getBytes(StandardCharsets.US_ASCII));
            alice.sendRaw("lo\r\nPRIVMSG #chatroom :again\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(bob.expect("PRIVMSG")).isEqualTo(":alice!~alice@127.0.0.1 PRIVMSG #chatroom :hello");
            assertThat(bob.expect("PRIVMSG")).isEqualTo(":alice!~alice@127.0.0.1 PRIVMSG #chatroom :again");
        }
    }

    @Test
    void abruptResetIsAnnouncedAsConnectionLostAndLeavesNothingBehind() throws Exception {
        try (TestServer s = TestServer.start()) {
            IrcTestClient alice = s.join("alice");
            IrcTestClient bob = s.join("bob");
            alice.sync();
            bob.abort();
            assertThat(alice.next()).isEqualTo(":bob!~bob@127.0.0.1 QUIT :connection lost");
            int left = s.onLoop(h -> h.users().count());
            assertThat(left).isEqualTo(1);
            s.join("bob");
        }
    }

    @Test
    void clientThatNeverReadsIsDroppedWhileTwentyOthersGetEveryMessage() throws Exception {
        try (TestServer small = new TestServer(TestServer.config(b -> b.sendq(256 * 1024)))) {
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
                for (String l : sender.sync())
                    if (l.equals(":stuck!~stuck@127.0.0.1 QUIT :SendQ exceeded")) dropped = true;
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
                assertThat(got).as(r.nick + " received every message").isEqualTo(sent);
                assertThat(sawQuit).isTrue();
            }
            stuck.close();
        }
    }

    @Test
    void readersThatStopReadingCannotWedgeTheServerWhenTheyFillTheOutputBudget() throws Exception {
        // Their send queues alone would let them hold far more than the budget: the budget fills
        // first, senders are held, and the stalled readers are dropped so everyone else goes on.
        try (TestServer s = new TestServer(TestServer.config(
                b -> b.sendq(64 << 20).outputBudget(4 << 20).stalledReaderTimeout(Duration.ofSeconds(1))))) {
            List<IrcTestClient> readers = new ArrayList<>();
            for (int i = 0; i < 3; i++) readers.add(s.join("reader" + i));
            List<IrcTestClient> stuck = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                IrcTestClient c = new IrcTestClient(s.port(), false);
                c.sendRegistration("stuck" + i);
                stuck.add(c);
            }
            IrcTestClient sender = s.join("sender");
            sender.sync();
            String payload = "y".repeat(400);
            int sent = 0;
            int dropped = 0;
            while (dropped < 3 && sent < 200_000) {
                for (int i = 0; i < 200; i++) sender.send("PRIVMSG #chatroom :" + (sent++) + " " + payload);
                for (String l : sender.sync()) if (l.endsWith(" QUIT :SendQ exceeded (not reading)")) dropped++;
            }
            assertThat(dropped)
                    .as("the stalled readers were dropped as not reading")
                    .isBetween(1, 3);
            for (IrcTestClient r : readers) {
                long got = r.sync().stream()
                        .filter(l -> l.startsWith(":sender!~sender@127.0.0.1 PRIVMSG "))
                        .count();
                assertThat(got).as(r.nick + " got every message").isEqualTo(sent);
            }
            int open = s.onLoop(h -> h.users().count());
            assertThat(open).isEqualTo(7 - dropped);
            for (IrcTestClient c : stuck) c.close();
        }
    }

    @Test
    void aFewReadersThatStopReadingHoldEveryoneUpForTwoSecondsAtMostWithTheDefaultTimeout() throws Exception {
        // A small budget that five stopped readers would fill long before their send queues do: among twenty who
        // read, they are dropped a fifth of the timeout after they stopped taking anything, and nobody waits longer.
        try (TestServer s =
                new TestServer(TestServer.config(b -> b.sendq(64 << 20).outputBudget(4 << 20)))) {
            List<IrcTestClient> readers = new ArrayList<>();
            for (int i = 0; i < 20; i++) readers.add(s.join("reader" + i));
            List<IrcTestClient> stuck = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                IrcTestClient c = new IrcTestClient(s.port(), false);
                c.sendRegistration("stuck" + i);
                stuck.add(c);
            }
            IrcTestClient sender = s.join("sender");
            sender.sync();
            String payload = "z".repeat(400);
            int sent = 0;
            int dropped = 0;
            long longestNanos = 0;
            while (dropped < 5 && sent < 200_000) {
                long start = System.nanoTime();
                for (int i = 0; i < 200; i++) sender.send("PRIVMSG #chatroom :" + (sent++) + " " + payload);
                for (String l : sender.sync()) if (l.endsWith(" QUIT :SendQ exceeded (not reading)")) dropped++;
                longestNanos = Math.max(longestNanos, System.nanoTime() - start);
            }
            assertThat(dropped).as("the stopped readers were dropped").isEqualTo(5);
            assertThat(Duration.ofNanos(longestNanos))
                    .as("the longest the sender waited")
                    .isLessThan(Duration.ofSeconds(4)); // failed before: no answer within 10 s
            for (IrcTestClient r : readers) {
                long got = r.sync().stream()
                        .filter(l -> l.startsWith(":sender!~sender@127.0.0.1 PRIVMSG "))
                        .count();
                assertThat(got).as(r.nick + " got every message").isEqualTo(sent);
            }
            for (IrcTestClient c : stuck) c.close();
        }
    }

    @Test
    void aFlooderIsThrottledByTheRealSocketWhileOthersChat() throws Exception {
        try (TestServer s = new TestServer(
                TestServer.config(b -> b.floodBurst(10).floodRate(2).floodDropAfter(Duration.ofSeconds(2))))) {
            IrcTestClient reader = s.join("reader");
            IrcTestClient honest = s.join("honest");
            IrcTestClient flooder = s.join("flooder");
            reader.sync();
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<?> flooding = pool.submit(() -> {
                byte[] line = "PRIVMSG #chatroom :flooooooooooooooooooooooooooooooooood\r\n"
                        .getBytes(StandardCharsets.US_ASCII);
                try {
                    for (int i = 0; i < 200_000; i++) flooder.sendRaw(line);
                } catch (IOException dropped) {
                    // expected: the server drops the flooder
                }
                return null;
            });
            for (int i = 0; i < 8; i++) { // within the honest client's burst allowance
                honest.send("PRIVMSG #chatroom :honest " + i);
                reader.expect(":honest!~honest@127.0.0.1 PRIVMSG #chatroom :honest " + i);
            }
            assertThat(flooder.awaitClosed()).last().isEqualTo("ERROR :Closing link: Excess flood");
            flooding.get(30, TimeUnit.SECONDS);
            pool.shutdown();
            reader.expect(":flooder!~flooder@127.0.0.1 QUIT :Excess flood");
        }
    }

    @Test
    void twoHundredClientsConnectingAtOnceAllRegister() throws Exception {
        try (TestServer s = new TestServer(
                TestServer.config(b -> b.maxPerIp(500).floodBurst(10).floodRate(2)))) {
            List<IrcTestClient> clients = new ArrayList<>();
            for (int i = 0; i < 200; i++) clients.add(s.connect());
            for (int i = 0; i < 200; i++) clients.get(i).sendRegistration("crowd" + i);
            for (int i = 0; i < 200; i++) clients.get(i).expect(" 366 crowd" + i + " #chatroom ");
            int members = s.onLoop(h -> h.rooms().find("#chatroom").size());
            assertThat(members).isEqualTo(200);
        }
    }

    @Test
    void closingTheServerTellsEveryClientAndClosesTheirSockets() throws Exception {
        TestServer closing = TestServer.start();
        IrcTestClient a = closing.join("a");
        IrcTestClient b = closing.join("b");
        IrcTestClient registering = closing.connect();
        a.sync();
        closing.stopServer();
        assertThat(a.awaitClosed()).containsExactly("ERROR :Server shutting down");
        assertThat(b.awaitClosed()).last().isEqualTo("ERROR :Server shutting down");
        assertThat(registering.awaitClosed()).containsExactly("ERROR :Server shutting down");
        closing.close();
    }
}

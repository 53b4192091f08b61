package dev.chatroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One simulated user against a scripted server, without sockets. */
class BenchClientTest {
    private final Events events = new Events();
    private final BenchClient client = new BenchClient(3, "bench", events, 2);
    private final EmbeddedChannel ch = new EmbeddedChannel(client);

    @AfterEach
    void finish() {
        ch.finishAndReleaseAll();
    }

    private void serverSends(String... reads) {
        for (String r : reads) ch.writeInbound(Unpooled.copiedBuffer(r, StandardCharsets.UTF_8));
    }

    private List<String> sent() {
        List<String> out = new ArrayList<>();
        ByteBuf b;
        while ((b = ch.readOutbound()) != null) {
            out.add(b.toString(StandardCharsets.UTF_8));
            b.release();
        }
        return out;
    }

    private void joinChannel() {
        serverSends(":srv 001 bench3 :Welcome\r\n", ":srv 366 bench3 #chatroom :End of /NAMES list.\r\n");
        sent();
    }

    @Test
    void registersThenJoinsOn001AndCountsAsJoinedOn366() {
        assertThat(sent()).containsExactly("PASS secret\r\n", "NICK bench3\r\n", "USER bench3 0 * :chatroom bench\r\n");
        serverSends(":srv 001 bench3 :Welcome\r\n");
        assertThat(sent()).containsExactly("JOIN #chatroom\r\n");
        serverSends(":srv 366 bench3 #chatroom :End\r\n");
        assertThat(client.joined).isTrue();
        assertThat(events.joined).isEqualTo(1);
    }

    @Test
    void answersPingEvenWhenItIsCutAcrossReads() {
        sent();
        serverSends("PING :tok", "en-1\r\nPING srv\n");
        assertThat(sent()).containsExactly("PONG :token-1\r\n", "PONG srv\r\n");
    }

    @Test
    void countsEachBenchmarkMessageOnceAndRecordsItsLatency() {
        joinChannel();
        long sentAt = System.nanoTime();
        String m0 = ":bench0!b@127.0.0.1 " + Payload.line("#chatroom", 0, 0, sentAt, 60) + "\r\n";
        String m1 = ":bench1!b@127.0.0.1 " + Payload.line("#chatroom", 1, 0, sentAt, 60) + "\n";
        serverSends(m0.substring(0, 30), m0.substring(30) + m1 + m0);
        assertThat(client.received).isEqualTo(2);
        assertThat(client.duplicates).isEqualTo(1);
        assertThat(events.latencies).hasSize(2).allSatisfy(l -> assertThat(l).isGreaterThanOrEqualTo(0));
    }

    @Test
    void aSenderAsksForEchoesAndTimesItsOwnApartFromDeliveries() {
        Events mine = new Events();
        EmbeddedChannel ch1 = new EmbeddedChannel(new BenchClient(1, "bench", mine, 2));
        try {
            List<String> registration = new ArrayList<>();
            ByteBuf b;
            while ((b = ch1.readOutbound()) != null) {
                registration.add(b.toString(StandardCharsets.UTF_8));
                b.release();
            }
            assertThat(registration)
                    .containsExactly(
                            "CAP REQ :echo-message\r\n",
                            "PASS secret\r\n",
                            "NICK bench1\r\n",
                            "USER bench1 0 * :chatroom bench\r\n",
                            "CAP END\r\n");
            for (String r : new String[] {
                ":srv 001 bench1 :Welcome\r\n",
                ":srv 366 bench1 #chatroom :End\r\n",
                ":bench1!b@h " + Payload.line("#chatroom", 1, 0, System.nanoTime(), 60) + "\r\n",
                ":bench0!b@h " + Payload.line("#chatroom", 0, 0, System.nanoTime(), 60) + "\r\n",
                ":bench1!b@h " + Payload.line("#chatroom", 1, 0, System.nanoTime(), 60) + "\r\n"
            }) {
                ch1.writeInbound(Unpooled.copiedBuffer(r, StandardCharsets.UTF_8));
            }
            BenchClient c = (BenchClient) ch1.pipeline().first();
            assertThat(mine.echoes).hasSize(1);
            assertThat(mine.latencies).hasSize(1);
            assertThat(c.received).isEqualTo(1);
            assertThat(c.duplicates).isZero();
        } finally {
            ch1.finishAndReleaseAll();
        }
    }

    @Test
    void withOneHostEveryDeliveryIsSameNode() {
        joinChannel();
        serverSends(
                ":bench0!b@h " + Payload.line("#chatroom", 0, 0, System.nanoTime(), 60) + "\r\n",
                ":bench1!b@h " + Payload.line("#chatroom", 1, 0, System.nanoTime(), 60) + "\r\n");
        assertThat(events.cross).containsExactly(false, false);
    }

    @Test
    void withTwoHostsASenderOnTheOtherEntryIsCrossNode() {
        Events two = new Events();
        // client 3 of 2 nodes is on node 1, like sender 1; sender 0 is on node 0
        EmbeddedChannel ch2 = new EmbeddedChannel(new BenchClient(3, "bench", two, 2, 2, null));
        try {
            for (String r : new String[] {
                ":srv 001 bench3 :Welcome\r\n",
                ":srv 366 bench3 #chatroom :End\r\n",
                ":bench0!b@h " + Payload.line("#chatroom", 0, 0, System.nanoTime(), 60) + "\r\n",
                ":bench1!b@h " + Payload.line("#chatroom", 1, 0, System.nanoTime(), 60) + "\r\n",
                ":bench0!b@h " + Payload.line("#chatroom", 0, 0, System.nanoTime(), 60) + "\r\n"
            }) {
                ch2.writeInbound(Unpooled.copiedBuffer(r, StandardCharsets.UTF_8));
            }
            assertThat(two.cross).containsExactly(true, false);
            BenchClient c = (BenchClient) ch2.pipeline().first();
            assertThat(c.duplicates).isEqualTo(1);
            assertThat(c.crossDuplicates).isEqualTo(1);
        } finally {
            ch2.finishAndReleaseAll();
        }
    }

    @Test
    void ignoresMessagesBeforeJoiningAndTextThatIsNotAPayload() {
        sent();
        serverSends(":bench0!b@h " + Payload.line("#chatroom", 0, 0, System.nanoTime(), 60) + "\r\n");
        joinChannel();
        serverSends(
                ":alice!a@h PRIVMSG #chatroom :hello\r\n",
                ":bench9!b@h " + Payload.line("#chatroom", 9, 0, 1, 60) + "\r\n");
        assertThat(client.received).isZero();
        assertThat(events.latencies).isEmpty();
    }

    @Test
    void reportsARefusedNickAsAFailure() {
        serverSends(":srv 433 * bench3 :Nickname is already in use\r\n");
        assertThat(events.failures).containsExactly(":srv 433 * bench3 :Nickname is already in use");
    }

    @Test
    void reportsBansAndBadPasswordsAsFailures() {
        serverSends(
                ":srv 464 * :Password incorrect\r\n",
                ":srv 465 bench3 :You are banned\r\n",
                ":srv 432 * b@d :Erroneous nickname\r\n");
        assertThat(events.failures).hasSize(3);
    }

    private static List<String> drain(EmbeddedChannel c) {
        List<String> out = new ArrayList<>();
        ByteBuf b;
        while ((b = c.readOutbound()) != null) {
            out.add(b.toString(StandardCharsets.UTF_8));
            b.release();
        }
        return out;
    }

    private static void feed(EmbeddedChannel c, String... reads) {
        for (String r : reads) c.writeInbound(Unpooled.copiedBuffer(r, StandardCharsets.UTF_8));
    }

    @Test
    void anAccountsFirstConnectionLogsInWithSaslThenJoins() {
        Events mine = new Events();
        DeviceAccounts.Login login = new DeviceAccounts(4, 2, false, "bench").login(1);
        EmbeddedChannel c = new EmbeddedChannel(new BenchClient(1, "bench", mine, 2, 1, login));
        try {
            assertThat(drain(c))
                    .containsExactly(
                            "CAP REQ :sasl echo-message\r\n",
                            "PASS secret\r\n",
                            "NICK bench-1\r\n",
                            "USER bench-1 0 * :chatroom bench\r\n",
                            "AUTHENTICATE PLAIN\r\n");
            feed(c, ":srv CAP * ACK :sasl echo-message\r\n", "AUTHENTICATE +\r\n");
            String plain = "bench-1\0bench-1\0" + DeviceAccounts.password("bench-1");
            assertThat(drain(c))
                    .containsExactly("AUTHENTICATE "
                            + Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)) + "\r\n");
            feed(c, ":srv 900 bench-1 bench-1!u@h bench-1 :You are now logged in\r\n", ":srv 903 bench-1 :ok\r\n");
            assertThat(drain(c)).containsExactly("CAP END\r\n");
            feed(c, ":srv 001 bench-1 :Welcome\r\n");
            assertThat(drain(c)).containsExactly("JOIN #chatroom\r\n");
        } finally {
            c.finishAndReleaseAll();
        }
    }

    @Test
    void aDeviceDoesNotJoinButIsJoinedWhenTheServerShowsItTheRoom() {
        Events mine = new Events();
        // 4 clients, 2 devices: client 3 is account 1's second connection
        EmbeddedChannel c = new EmbeddedChannel(
                new BenchClient(3, "bench", mine, 2, 1, new DeviceAccounts(4, 2, false, "bench").login(3)));
        try {
            assertThat(drain(c)).contains("CAP REQ :sasl\r\n", "NICK bench3\r\n");
            feed(c, "AUTHENTICATE +\r\n", ":srv 903 bench3 :ok\r\n", ":srv 001 bench-1 :Welcome\r\n");
            assertThat(drain(c)).noneMatch(l -> l.startsWith("JOIN"));
            feed(c, ":bench-1!u@h JOIN #chatroom\r\n", ":srv 366 bench-1 #chatroom :End\r\n");
            assertThat(mine.joined).isEqualTo(1);
        } finally {
            c.finishAndReleaseAll();
        }
    }

    @Test
    void aRefusedLoginIsAFailure() {
        Events mine = new Events();
        EmbeddedChannel c = new EmbeddedChannel(
                new BenchClient(0, "bench", mine, 2, 1, new DeviceAccounts(4, 2, false, "bench").login(0)));
        try {
            feed(c, "AUTHENTICATE +\r\n", ":srv 904 bench-0 :SASL authentication failed\r\n");
            assertThat(mine.failures).containsExactly(":srv 904 bench-0 :SASL authentication failed");
        } finally {
            c.finishAndReleaseAll();
        }
    }

    @Test
    void countsTheMembersNamesListsAfterJoining() {
        joinChannel();
        client.countMembers();
        assertThat(sent()).containsExactly("NAMES #chatroom\r\n");
        serverSends(
                ":srv 353 bench3 = #chatroom :@bench-0 bench-1 bench3\r\n",
                ":srv 353 bench3 = #chatroom :bench-2\r\n",
                ":srv 366 bench3 #chatroom :End of /NAMES list.\r\n");
        assertThat(events.members).containsExactly(4);
    }

    private static final class Events implements ClientEvents {
        int joined;
        final List<String> failures = new ArrayList<>();
        final List<Long> latencies = new ArrayList<>();
        final List<Boolean> cross = new ArrayList<>();
        final List<Long> echoes = new ArrayList<>();
        final List<Integer> members = new ArrayList<>();

        @Override
        public String password() {
            return "secret";
        }

        @Override
        public String channelName() {
            return "#chatroom";
        }

        @Override
        public void joined(BenchClient c) {
            joined++;
        }

        @Override
        public void failed(BenchClient c, String why) {
            failures.add(why);
        }

        @Override
        public void closed(BenchClient c) {}

        @Override
        public void delivered(BenchClient c, long latencyNanos, boolean cross) {
            latencies.add(latencyNanos);
            this.cross.add(cross);
        }

        @Override
        public void echoed(long latencyNanos) {
            echoes.add(latencyNanos);
        }

        @Override
        public void membersCounted(int n) {
            members.add(n);
        }
    }
}

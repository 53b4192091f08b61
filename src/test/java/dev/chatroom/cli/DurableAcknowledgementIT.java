package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.Await;
import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Durable acknowledgement, end to end: senders send bursts of numbered messages, each burst
 * followed by a PING, and the server is killed (SIGKILL) at a random moment (after a random
 * number of answered messages, with the senders still sending), restarted on the
 * same data dir, again and again. Every message a sender sent before a PONG it received must be
 * in the history afterwards, in order, once.
 */
class DurableAcknowledgementIT {
    private static final int SENDERS = 8;
    private static final int ROUNDS = 4;
    private static final Pattern TEXT = Pattern.compile("PRIVMSG #d\\d+ :(\\d+):(\\d+):(\\d+)$");

    /** One sender in one round: what it sent and what the server answered after. */
    private static final class Sender implements Runnable {
        final int id;
        final int round;
        final IrcTestClient client;
        final AtomicBoolean killed;
        final Random random;
        /** The last seq sent before a PONG that came back; -1: none. */
        volatile long acknowledged = -1;
        /** Why it stopped, when it stopped before the server was killed. */
        volatile String stoppedEarly;

        Sender(int id, int round, IrcTestClient client, AtomicBoolean killed, long seed) {
            this.id = id;
            this.round = round;
            this.client = client;
            this.killed = killed;
            this.random = new Random(seed);
        }

        @Override
        public void run() {
            long seq = 0;
            try {
                while (true) {
                    StringBuilder burst = new StringBuilder();
                    for (int k = 1 + random.nextInt(150); k > 0; k--) {
                        burst.append("PRIVMSG #d")
                                .append(id / 2)
                                .append(" :")
                                .append(id)
                                .append(':')
                                .append(round)
                                .append(':')
                                .append(seq++)
                                .append("\r\n");
                    }
                    String token = "b" + seq;
                    burst.append("PING :").append(token).append("\r\n");
                    client.sendRaw(burst.toString().getBytes(StandardCharsets.UTF_8));
                    client.expect(l -> l.endsWith(" PONG chatroom :" + token), "PONG " + token);
                    acknowledged = seq - 1;
                }
            } catch (IOException | AssertionError gone) {
                if (!killed.get()) stoppedEarly = String.valueOf(gone);
            }
        }
    }

    @Test
    void nothingAnsweredIsLostWhenTheServerIsKilledAtRandomMoments() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path data = Files.createTempDirectory("chatroom-durable");
        long[][] acknowledged = new long[SENDERS][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            AtomicBoolean killed = new AtomicBoolean();
            List<Sender> senders = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            try (JarProcess server = server(data)) {
                int port = server.awaitListening();
                for (int i = 0; i < SENDERS; i++) {
                    IrcTestClient c = new IrcTestClient(port).register("s" + i);
                    c.send("JOIN #d" + (i / 2)).expect(" 366 s" + i + " #d" + (i / 2) + " ");
                    Sender s = new Sender(i, round, c, killed, random.nextLong());
                    senders.add(s);
                    Thread t = new Thread(s, "sender-" + i);
                    t.setDaemon(true);
                    threads.add(t);
                }
                threads.forEach(Thread::start);
                long answered = 200 + random.nextInt(5_000); // a random moment: after so many answered messages
                Await.until(
                        "senders into round " + round,
                        Duration.ofSeconds(30),
                        () -> senders.stream()
                                        .mapToLong(x -> x.acknowledged + 1)
                                        .sum()
                                >= answered);
                killed.set(true);
                server.kill();
            }
            for (int i = 0; i < SENDERS; i++) {
                threads.get(i).join(TimeUnit.SECONDS.toMillis(15));
                assertThat(senders.get(i).stoppedEarly)
                        .as("sender %d of round %d (seed %d)", i, round, seed)
                        .isNull();
                acknowledged[i][round] = senders.get(i).acknowledged;
                senders.get(i).client.close();
            }
        }

        List<List<long[]>> stored = readBack(data);
        long answered = 0;
        List<String> lost = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            long[] next = new long[ROUNDS]; // the seq expected next from sender i in each round
            int lastRound = 0;
            for (long[] m : stored.get(i)) {
                int round = (int) m[0];
                assertThat(round)
                        .as("rounds in order, sender %d (seed %d)", i, seed)
                        .isGreaterThanOrEqualTo(lastRound);
                assertThat(m[1])
                        .as("sender %d, round %d: in order, once, nothing missing before (seed %d)", i, round, seed)
                        .isEqualTo(next[round]);
                next[round]++;
                lastRound = round;
            }
            for (int round = 0; round < ROUNDS; round++) {
                answered += acknowledged[i][round] + 1;
                long missing = acknowledged[i][round] + 1 - next[round];
                if (missing > 0) {
                    lost.add("sender " + i + ", round " + round + ": " + missing + " of "
                            + (acknowledged[i][round] + 1));
                }
            }
        }
        assertThat(lost)
                .as("messages answered by a PONG, then lost by a kill (of %d answered; seed %d)", answered, seed)
                .isEmpty();
        System.out.println("DurableAcknowledgementIT: " + ROUNDS + " kills, " + answered
                + " messages answered by a PONG, all stored (seed " + seed + ")");
    }

    private static JarProcess server(Path data) throws IOException {
        return new JarProcess(
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--approve",
                "all",
                "--flood-rate",
                "0",
                "--max-per-ip",
                "1000",
                "--history-replay",
                "0",
                "--data-dir",
                data.toString());
    }

    /** Every stored message of each sender, oldest first, as {round, seq}. */
    private static List<List<long[]>> readBack(Path data) throws Exception {
        List<List<long[]>> bySender = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) bySender.add(new ArrayList<>());
        try (JarProcess server = server(data)) {
            IrcTestClient reader = new IrcTestClient(server.awaitListening())
                    .registerWithCaps("reader", "batch server-time message-tags draft/chathistory");
            for (int room = 0; room < SENDERS / 2; room++) {
                reader.send("JOIN #d" + room).expect(" 366 reader #d" + room + " ");
                String from = "timestamp=1970-01-01T00:00:00.000Z";
                while (true) {
                    reader.send("CHATHISTORY AFTER #d" + room + " " + from + " 1000");
                    String start = reader.expect(" BATCH \\+");
                    String id = start.substring(start.indexOf(" BATCH +") + 8).split(" ")[0];
                    String last = null;
                    for (String l = reader.next(); !l.endsWith(" BATCH -" + id); l = reader.next()) {
                        Matcher m = TEXT.matcher(l);
                        if (m.find()) {
                            bySender.get(Integer.parseInt(m.group(1)))
                                    .add(new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
                        }
                        Matcher msgid = Pattern.compile("msgid=([^; ]+)").matcher(l);
                        if (msgid.find()) last = msgid.group(1);
                    }
                    if (last == null) break;
                    from = "msgid=" + last;
                }
            }
            reader.close();
        }
        return bySender;
    }
}

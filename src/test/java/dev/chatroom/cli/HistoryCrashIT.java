package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The server is killed with SIGKILL in the middle of a write storm. Restarted on the same data
 * dir, it opens the database cleanly, and each sender's stored messages are exactly the first
 * ones it sent: nothing in the middle lost, and at the end only messages it had not been echoed
 * yet (an echo waits for the commit). Stopped with SIGTERM instead, it writes everything it
 * relayed before exiting.
 */
class HistoryCrashIT {
    private static final int SENDERS = 8;
    private static final Pattern SEQ = Pattern.compile("PRIVMSG #s(\\d+) :(\\d+):(\\d+)$");

    @Test
    void aKillDuringAWriteStormLosesNothingThatWasEchoed() throws Exception {
        assertThat(stormThenRestart(true)).isZero();
    }

    @Test
    void sigtermDuringAWriteStormWritesEverythingRelayedBeforeExiting() throws Exception {
        assertThat(stormThenRestart(false)).isZero();
    }

    /** A storm, then SIGKILL (crash) or SIGTERM; returns how many echoed messages the restarted server does not have. */
    private long stormThenRestart(boolean crash) throws Exception {
        Path data = Files.createTempDirectory("chatroom-crash");
        List<IrcTestClient> senders = new ArrayList<>();
        List<Thread> storms = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        try (JarProcess server = new JarProcess(
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
                "--data-dir",
                data.toString())) {
            int port = server.awaitListening();
            for (int i = 0; i < SENDERS; i++) {
                IrcTestClient c = new IrcTestClient(port).registerWithCaps("s" + i, "echo-message");
                c.send("JOIN #s" + i).expect(" 366 s" + i + " #s" + i + " ");
                senders.add(c);
                int id = i;
                Thread t = new Thread(() -> storm(c, id, stop), "storm-" + i);
                t.setDaemon(true);
                storms.add(t);
            }
            storms.forEach(Thread::start);
            senders.get(0).expect(":0:3000$"); // well into the storm on every sender
            if (crash) {
                server.kill();
            } else {
                server.terminate();
                assertThat(server.waitForExit()).isZero();
            }
            stop.set(true);
        }
        long[] echoed = new long[SENDERS];
        for (int i = 0; i < SENDERS; i++) {
            senders.get(i).awaitClosed();
            echoed[i] = -1;
            for (String l : senders.get(i).history()) {
                Matcher m = SEQ.matcher(l);
                if (m.find()) echoed[i] = Math.max(echoed[i], Long.parseLong(m.group(3)));
            }
        }

        long stored = 0;
        long missing = 0;
        try (JarProcess server = new JarProcess(
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--approve",
                "all",
                "--flood-rate",
                "0",
                "--data-dir",
                data.toString())) {
            int port = server.awaitListening(); // the database opened
            IrcTestClient reader = new IrcTestClient(port)
                    .registerWithCaps("reader", "batch server-time message-tags draft/chathistory");
            for (int i = 0; i < SENDERS; i++) {
                reader.send("JOIN #s" + i).expect(" 366 reader #s" + i + " ");
                List<Long> seqs = readAll(reader, "#s" + i);
                for (int k = 0; k < seqs.size(); k++) {
                    assertThat(seqs.get(k)).as("message %d of sender %d", k, i).isEqualTo(k);
                }
                assertThat(seqs.size()).as("sender %d stored", i).isGreaterThan(0);
                stored += seqs.size();
                missing += Math.max(0, echoed[i] + 1 - seqs.size());
            }
            reader.close();
        }
        System.out.println("HistoryCrashIT (" + (crash ? "SIGKILL" : "SIGTERM") + "): " + stored + " messages stored, "
                + missing + " echoed but not stored");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("chatroom.db"));
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
        return missing;
    }

    /** Sends numbered lines as fast as the socket takes them, until the server is gone. */
    private static void storm(IrcTestClient c, int id, AtomicBoolean stop) {
        long seq = 0;
        try {
            while (!stop.get()) {
                StringBuilder chunk = new StringBuilder();
                for (int k = 0; k < 100; k++)
                    chunk.append("PRIVMSG #s")
                            .append(id)
                            .append(" :")
                            .append(id)
                            .append(':')
                            .append(seq++)
                            .append("\r\n");
                c.sendRaw(chunk.toString().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException gone) {
            // the server was killed
        }
    }

    /** Every sequence number stored for the room, oldest first, page by page. */
    private static List<Long> readAll(IrcTestClient reader, String room) throws Exception {
        List<Long> seqs = new ArrayList<>();
        String from = "timestamp=1970-01-01T00:00:00.000Z";
        while (true) {
            reader.send("CHATHISTORY AFTER " + room + " " + from + " 1000");
            String start = reader.expect(" BATCH \\+");
            String id = start.substring(start.indexOf(" BATCH +") + 8).split(" ")[0];
            String last = null;
            int n = 0;
            while (true) {
                String l = reader.next();
                if (l.endsWith(" BATCH -" + id)) break;
                Matcher m = SEQ.matcher(l);
                if (m.find()) seqs.add(Long.parseLong(m.group(3)));
                Matcher msgid = Pattern.compile("msgid=([^; ]+)").matcher(l);
                if (msgid.find()) last = msgid.group(1);
                n++;
            }
            if (n == 0) return seqs;
            from = "msgid=" + last;
        }
    }
}

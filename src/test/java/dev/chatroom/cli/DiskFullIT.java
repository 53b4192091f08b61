package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.Await;
import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import dev.chatroom.testing.Tmpfs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The data dir on a small tmpfs of the test's own, filled up while people talk: chat goes on,
 * history pauses (said once, in /stats), nothing unstored is acknowledged, senders are held back
 * once 2,000 messages wait, and when space returns history resumes by itself. Afterwards the
 * database is sound and holds every message, once, in order.
 */
class DiskFullIT {
    private static final String ROOM = "#full";
    /** Long enough that a few messages need new pages of the WAL, which a full disk does not give. */
    private static final String PADDING = "x".repeat(300);

    private final List<String> sent = new ArrayList<>();

    @Test
    void aFullDiskPausesHistoryWhileChatGoesOnAndHistoryResumesWhenSpaceReturns() throws Exception {
        Path data;
        try (Tmpfs disk = Tmpfs.mountOrSkip("4m")) {
            data = disk.dir().resolve("chatroom-data");
            Path filler = disk.dir().resolve("filler");
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
                int port = server.awaitListening();
                IrcTestClient alice =
                        new IrcTestClient(port).registerWithCaps("alice", "echo-message standard-replies");
                IrcTestClient bob = new IrcTestClient(port).register("bob");
                alice.send("JOIN " + ROOM).expect(" 366 alice " + ROOM + " ");
                bob.send("JOIN " + ROOM).expect(" 366 bob " + ROOM + " ");

                say(alice, bob, 50);
                alice.send("PING :before");
                alice.expect("PONG chatroom :before");

                disk.fill(filler);
                say(alice, bob, 200); // chat goes on
                server.expect("History paused: no space left on device \\(" + Pattern.quote(data.toString()) + "\\)");
                // what is not stored is not acknowledged: the answers wait until the store is late (3 to 6 s), then go
                // out with the note that the messages are not stored yet
                alice.send("PING :paused");
                List<String> answers = new ArrayList<>();
                while (answers.stream().noneMatch(l -> l.endsWith("PONG chatroom :paused"))
                        || answers.stream().noneMatch(l -> l.contains(" HISTORY_DELAYED "))) {
                    answers.add(alice.next());
                }
                int pong = indexOf(answers, "PONG chatroom :paused");
                int note = indexOf(answers, " HISTORY_DELAYED ");
                assertThat(note == pong + 1 || note < pong)
                        .as(
                                "the PONG goes out with the note, not before it: %s",
                                answers.subList(Math.min(note, pong), answers.size()))
                        .isTrue();
                assertThat(stats(server))
                        .matches("History: paused \\(no space left on device\\), \\d+ message\\(s\\).*");

                IrcTestClient carol = new IrcTestClient(port).register("carol");
                carol.send("REGISTER * * correct-horse");
                carol.expect("FAIL REGISTER TEMPORARILY_UNAVAILABLE carol :Accounts cannot be saved now"
                        + " \\(no space left on device\\); try again later");

                // past 2,000 waiting, senders are held back: the rest of the burst waits in alice's inbox
                StringBuilder burst = new StringBuilder();
                for (int i = 0; i < 2_100; i++) burst.append("PRIVMSG " + ROOM + " :" + next() + "\r\n");
                alice.sendRaw(burst.toString().getBytes(StandardCharsets.UTF_8));
                Await.until(
                        "2,001 messages waiting, no more",
                        Duration.ofSeconds(30),
                        () -> stats(server).contains(", 2001 message(s) waiting"));
                bob.send("PING :alive").expect("PONG chatroom :alive"); // the server answers meanwhile
                assertThat(bob.history()).noneMatch(l -> l.endsWith(":" + sent.get(sent.size() - 1)));

                Files.delete(filler);
                server.expect("History resumed");
                bob.expect(l -> l.endsWith(":" + sent.get(sent.size() - 1)), "the end of the burst");
                say(alice, bob, 1);
                alice.send("PING :resumed").expect("PONG chatroom :resumed");
                assertThat(stats(server)).isEqualTo("History: writing, 0 message(s) waiting for the disk");

                server.terminate();
                assertThat(server.waitForExit()).isZero();
                assertThat(server.printed())
                        .filteredOn(l -> l.contains("History paused"))
                        .hasSize(1);
                assertThat(server.printed())
                        .filteredOn(l -> l.contains("History resumed"))
                        .hasSize(1);
            }
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("chatroom.db"));
                    Statement s = db.createStatement()) {
                try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("ok");
                }
                List<String> stored = new ArrayList<>();
                try (ResultSet rs =
                        s.executeQuery("SELECT text FROM messages WHERE room_key = '" + ROOM + "' ORDER BY id")) {
                    while (rs.next()) stored.add(rs.getString(1));
                }
                assertThat(stored).as("every message, once, in order").isEqualTo(sent);
            }
        }
        System.out.println(
                "DiskFullIT: " + sent.size() + " messages said around a full disk, all stored once, in order");
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(part)) return i;
        return -1;
    }

    private String next() {
        String text = sent.size() + ":" + PADDING;
        sent.add(text);
        return text;
    }

    /** Alice says n messages; bob hears each. */
    private void say(IrcTestClient alice, IrcTestClient bob, int n) throws IOException {
        String last = null;
        for (int i = 0; i < n; i++) alice.send("PRIVMSG " + ROOM + " :" + (last = next()));
        String end = last;
        bob.expect(l -> l.endsWith("PRIVMSG " + ROOM + " :" + end), "the last of " + n + " messages");
    }

    /** The history line of the console's /stats. */
    private static String stats(JarProcess server) throws InterruptedException, IOException {
        server.type("/stats");
        return server.expect("^History: .*").group();
    }
}

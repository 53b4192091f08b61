package dev.chatroom.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * History through the real server: the writer thread's batches and the reader thread's
 * queries, answered back on the event loop, over real sockets; and a restart on the same data dir.
 */
class HistoryServerTest {
    private static final String CAPS = "batch server-time message-tags echo-message labeled-response draft/chathistory";

    /** The texts in the next batch. */
    private static List<String> batch(IrcTestClient c) {
        String start = c.expect(" BATCH \\+");
        String id = start.substring(start.indexOf(" BATCH +") + 8).split(" ")[0];
        List<String> texts = new ArrayList<>();
        while (true) {
            String l = c.next();
            if (l.endsWith(" BATCH -" + id)) return texts;
            texts.add(l.substring(l.lastIndexOf(" :") + 2));
        }
    }

    @Test
    void aQueryRightAfterSendingSeesEverythingSentBeforeIt() throws Exception {
        try (TestServer server = new TestServer(TestServer.config())) {
            IrcTestClient alice = server.connect().registerWithCaps("alice", CAPS);
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 500; i++)
                burst.append("PRIVMSG #chatroom :n").append(i).append("\r\n");
            burst.append("@label=q CHATHISTORY LATEST #chatroom * 3\r\n");
            alice.sendRaw(burst.toString().getBytes(StandardCharsets.UTF_8));
            String start = alice.expect("label=q");
            assertThat(start).matches("@label=q :chatroom BATCH \\+\\S+ chathistory #chatroom");
            List<String> texts = new ArrayList<>();
            String l;
            while (!(l = alice.next()).contains(" BATCH -")) texts.add(l.substring(l.lastIndexOf(" :") + 2));
            assertThat(texts).containsExactly("n497", "n498", "n499");
        }
    }

    @Test
    void aRestartKeepsTheRoomsAndWhatWasSaid() throws Exception {
        ServerConfig config = TestServer.config();
        try (TestServer server = new TestServer(config)) {
            IrcTestClient alice = server.connect().registerWithCaps("alice", CAPS);
            alice.send("JOIN #plans").expect(" 366 alice #plans ");
            alice.send("TOPIC #plans :ship it").send("MODE #plans +s");
            for (int i = 0; i < 20; i++) alice.send("PRIVMSG #plans :plan " + i);
            alice.send("PING :done").expect("PONG .*done");
            server.stopServer(); // SIGTERM's path: what is queued is written before the database closes
        }
        try (TestServer server = new TestServer(config)) {
            IrcTestClient bob = server.connect().registerWithCaps("bob", "batch server-time message-tags");
            bob.send("JOIN #plans");
            assertThat(bob.expect(" 332 bob #plans ")).endsWith(":ship it");
            bob.expect(" 366 bob #plans ");
            List<String> replay = batch(bob);
            assertThat(replay).hasSize(20).first().isEqualTo("plan 0");
            bob.send("MODE #plans");
            assertThat(bob.expect(" 324 ")).contains("#plans +nst");
            IrcTestClient carol = server.connect().registerWithCaps("carol", CAPS);
            carol.send("JOIN #plans").expect(" 366 carol #plans ");
            carol.send("CHATHISTORY BEFORE #plans timestamp=2200-01-01T00:00:00.000Z 5");
            assertThat(batch(carol)).containsExactly("plan 15", "plan 16", "plan 17", "plan 18", "plan 19");
        }
    }

    @Test
    void historyRequestsSentTogetherAreAnsweredOneAfterAnotherInOrder() throws Exception {
        try (TestServer server = new TestServer(TestServer.config())) {
            IrcTestClient alice = server.connect().registerWithCaps("alice", CAPS + " standard-replies");
            alice.send("PRIVMSG #chatroom :one").expect("PRIVMSG #chatroom :one");
            alice.send("PRIVMSG #chatroom :two").expect("PRIVMSG #chatroom :two");
            // one write: the later requests wait for the earlier answers instead of racing them
            String four = "CHATHISTORY LATEST #chatroom * 1\r\nCHATHISTORY LATEST #chatroom * 2\r\n".repeat(2);
            alice.sendRaw(four.getBytes(StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            while (lines.stream()
                            .filter(l -> l.contains(" BATCH -") || l.contains("FAIL CHATHISTORY"))
                            .count()
                    < 4) lines.add(alice.next());
            assertThat(lines).noneMatch(l -> l.contains("FAIL"));
            assertThat(lines.stream()
                            .map(l -> l.contains("PRIVMSG")
                                    ? "msg"
                                    : l.contains(" BATCH +") ? "start" : l.contains(" BATCH -") ? "end" : "?"))
                    .containsExactly(
                            "start", "msg", "end", "start", "msg", "msg", "end", "start", "msg", "end", "start", "msg",
                            "msg", "end");
        }
    }
}

package dev.chatroom.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A history read is answered on the store's thread; what the client sent after it is answered after it. */
class HistoryReplyOrderTest {
    @Test
    void aPingSentAfterChathistoryIsAnsweredAfterTheBatch() throws Exception {
        try (TestServer server = TestServer.start()) {
            IrcTestClient alice = server.connect();
            alice.registerWithCaps("alice", "batch server-time message-tags echo-message draft/chathistory");
            for (int i = 0; i < 3; i++)
                alice.send("PRIVMSG #chatroom :line " + i).expect("PRIVMSG #chatroom :line " + i);
            for (int round = 0; round < 20; round++) {
                alice.sendRaw(("CHATHISTORY LATEST #chatroom * 10\r\nPING :after" + round
                                + "\r\nCHATHISTORY LATEST #chatroom * 1\r\nPING :last" + round + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                List<String> lines = new ArrayList<>();
                while (lines.isEmpty() || !lines.get(lines.size() - 1).contains("last" + round))
                    lines.add(alice.next());
                List<String> order = lines.stream()
                        .map(l -> l.contains(" BATCH +")
                                ? "start"
                                : l.contains(" BATCH -")
                                        ? "end"
                                        : l.contains("PONG") ? "pong" : l.contains("PRIVMSG") ? "msg" : "other")
                        .toList();
                assertThat(order)
                        .containsExactly("start", "msg", "msg", "msg", "end", "pong", "start", "msg", "end", "pong");
            }
        }
    }

    @Test
    void linesWaitingForAnAnswerAreNotAFlood() throws Exception {
        try (TestServer server = new TestServer(
                TestServer.config(b -> b.floodBurst(10).floodRate(2).floodDropAfter(Duration.ofSeconds(30))))) {
            IrcTestClient alice = server.connect();
            alice.registerWithCaps("alice", "batch server-time message-tags echo-message draft/chathistory");
            // more lines than the burst, behind a history request: held first for the answer, then by flood control
            StringBuilder lines = new StringBuilder("CHATHISTORY LATEST #chatroom * 10\r\n");
            for (int i = 0; i < 12; i++)
                lines.append("PRIVMSG #chatroom :line ").append(i).append("\r\n");
            alice.sendRaw(lines.toString().getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 12; i++) alice.expect("PRIVMSG #chatroom :line " + i + "$");
        }
    }
}

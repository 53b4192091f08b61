package dev.chatroom.server.multiline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.TestServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A multiline message through the real server, over real sockets, with SQLite behind: sent in one
 * write, echoed once stored (labeled on its opening line), relayed in both forms, then given back
 * by CHATHISTORY as one message after a restart.
 */
class MultilineServerTest {
    private static final String CAPS = "batch server-time message-tags echo-message labeled-response draft/multiline";

    @Test
    void sentWholeStoredWholeAndGivenBackAfterARestart() throws Exception {
        String id;
        ServerConfig config = TestServer.config();
        try (TestServer server = new TestServer(config)) {
            IrcTestClient alice = server.connect().registerWithCaps("alice", CAPS);
            IrcTestClient bob = server.connect().registerWithCaps("bob", CAPS);
            IrcTestClient carol = server.connect().registerWithCaps("carol", "server-time message-tags");
            alice.expect("carol.* JOIN #chatroom");
            String batch = "@label=m BATCH +b draft/multiline #chatroom\r\n"
                    + "@batch=b PRIVMSG #chatroom :first line\r\n"
                    + "@batch=b PRIVMSG #chatroom :second \r\n"
                    + "@batch=b;draft/multiline-concat PRIVMSG #chatroom :half\r\n"
                    + "BATCH -b\r\n";
            alice.sendRaw(batch.getBytes(StandardCharsets.UTF_8));
            String echo = alice.expect("label=m");
            assertThat(echo)
                    .matches("@label=m;time=\\S+;msgid=\\S+ :alice!\\S+ BATCH \\+\\S+ draft/multiline #chatroom");
            id = echo.replaceAll(".*msgid=([^; ]+).*", "$1");
            assertThat(bob.expect(" BATCH \\+")).contains("msgid=" + id);
            assertThat(bob.next()).endsWith(" PRIVMSG #chatroom :first line");
            assertThat(bob.next()).endsWith(" PRIVMSG #chatroom :second ");
            assertThat(bob.next()).contains("draft/multiline-concat").endsWith(" PRIVMSG #chatroom :half");
            assertThat(carol.expect(" PRIVMSG ")).contains("msgid=" + id).endsWith(" PRIVMSG #chatroom :first line");
            assertThat(carol.next()).doesNotContain("msgid").endsWith(" PRIVMSG #chatroom :second ");
            assertThat(carol.next()).doesNotContain("msgid").endsWith(" PRIVMSG #chatroom :half");
            server.stopServer();
        }
        try (TestServer server = new TestServer(config)) {
            IrcTestClient dave = server.connect().registerWithCaps("dave", CAPS + " draft/chathistory");
            dave.send("CHATHISTORY LATEST #chatroom * 10");
            String outer = dave.expect(" chathistory #chatroom");
            String ref = outer.replaceAll(".* BATCH \\+(\\S+) .*", "$1");
            assertThat(dave.next())
                    .startsWith("@batch=" + ref + ";")
                    .contains("msgid=" + id)
                    .endsWith(" draft/multiline #chatroom");
            assertThat(dave.next()).endsWith(" :first line");
            assertThat(dave.next()).endsWith(" :second ");
            assertThat(dave.next()).contains("draft/multiline-concat").endsWith(" :half");
            assertThat(dave.next()).contains(" BATCH -");
            assertThat(dave.next()).endsWith(" BATCH -" + ref);
        }
    }
}

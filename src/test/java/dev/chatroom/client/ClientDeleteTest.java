package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.TestServer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * /delete and the deletions the client is told of, against the real server on 127.0.0.1: the
 * REDACT it sends, the event in place of the message, and history that no longer has it.
 */
class ClientDeleteTest {
    private final List<AutoCloseable> open = new ArrayList<>();
    private final Render plain =
            new Render(false, () -> "alice", ZoneId.systemDefault()).rooms(() -> "#chatroom", () -> "#chatroom");

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    private Recorder alice(TestServer s) throws Exception {
        Recorder r = new Recorder(s.port(), null);
        open.add(r);
        r.client.connect();
        r.client.register("alice");
        r.await(ClientEvent.Welcome.class);
        return r;
    }

    /** /delete n in a conversation. */
    private static void delete(Recorder r, String target, int nth) {
        r.client.withMessages((in, out) -> in.deletions.delete(target, nth));
    }

    @Test
    void deleteRemovesTheNthLastOwnMessageForEveryoneAndFromHistory() throws Exception {
        TestServer s = TestServer.start();
        open.add(s);
        IrcTestClient bob = s.connect().registerWithCaps("bob", "message-tags draft/message-redaction");
        Recorder alice = alice(s);
        delete(alice, "#chatroom", 1);
        assertThat(alice.await(ClientEvent.Problem.class).text())
                .isEqualTo("You have no message to delete in #chatroom.");

        alice.client.send("#chatroom", "the first one", false);
        alice.client.send("#chatroom", "the second one", false);
        alice.await(ClientEvent.Chat.class, c -> c.text().equals("the second one"));
        String first = bob.expect("PRIVMSG #chatroom :the first one");
        bob.expect("PRIVMSG #chatroom :the second one");

        delete(alice, "#chatroom", 2);
        ClientEvent.Deleted gone = alice.await(ClientEvent.Deleted.class);
        assertThat(gone.message().text()).isEqualTo("the first one");
        assertThat(plain.render(gone)).matches("\\[\\d\\d:\\d\\d] \\(message deleted\\) alice: \"the first one\"");
        String msgid = first.replaceAll(".*msgid=([^; ]+).*", "$1");
        assertThat(bob.expect(" REDACT ")).endsWith(" REDACT #chatroom " + msgid);

        alice.client.history("#chatroom", 10);
        ClientEvent.History h = alice.await(ClientEvent.History.class, e -> e.kind() == ClientEvent.HistoryKind.OLDER);
        assertThat(h.messages()).noneMatch(c -> c.text().equals("the first one"));
        delete(alice, "#chatroom", 2); // the deleted one no longer counts
        assertThat(alice.await(ClientEvent.Problem.class).text())
                .isEqualTo("You have only 1 message to delete in #chatroom.");
    }

    @Test
    void aRoomOperatorsDeletionShowsWhoAndWhy() throws Exception {
        TestServer s = TestServer.start();
        open.add(s);
        IrcTestClient bob = s.connect().registerWithCaps("bob", "message-tags draft/message-redaction");
        bob.send("JOIN #ops").expect(" 366 bob ");
        Recorder alice = alice(s);
        alice.client.command("JOIN #ops");
        alice.await(ClientEvent.Entered.class);
        alice.client.send("#ops", "buy cheap watches", false);
        String said = bob.expect("PRIVMSG #ops :buy cheap watches");

        bob.send("REDACT #ops " + said.replaceAll(".*msgid=([^; ]+).*", "$1") + " :spam");
        ClientEvent.Deleted gone = alice.await(ClientEvent.Deleted.class);
        assertThat(gone.by()).isEqualTo("bob");
        assertThat(plain.render(gone)).endsWith("[#ops] (message deleted) alice: \"buy cheap watches\" by bob (spam)");
    }

    @Test
    void aDeletionIsShownCleanedAndShort() {
        ClientEvent.Chat said = new ClientEvent.Chat(
                Instant.parse("2026-01-01T10:00:00Z"),
                "mallory",
                "#chatroom",
                null,
                "\u001b]0;owned\u0007a very long message that goes on and on and on",
                false,
                false);
        String shown = plain.render(new ClientEvent.Deleted(Instant.now(), said, null, "rude\u001b[2J\r\nfake line"));
        assertThat(shown).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\n");
        assertThat(shown)
                .matches(".*\\(message deleted\\) mallory: \"[^\"]{30}\\.\\.\\.\" by the admin \\(rude.*fake line\\)")
                .doesNotContain("goes on and on");
    }
}

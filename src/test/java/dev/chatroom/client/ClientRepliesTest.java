package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.TestServer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * /react, /reply and typing notices against the real server on 127.0.0.1: the client tags the
 * client sends, and what others' become on screen (cleaned).
 */
class ClientRepliesTest {
    private final List<AutoCloseable> open = new ArrayList<>();
    private final Render plain = new Render(false, () -> "alice", ZoneId.systemDefault())
            .rooms(() -> "#chatroom", () -> "#chatroom")
            .accounts(n -> null, true);

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    private TestServer server() throws Exception {
        TestServer s = TestServer.start();
        open.add(s);
        return s;
    }

    private Recorder alice(TestServer s) throws Exception {
        Recorder r = new Recorder(s.port(), null);
        open.add(r);
        r.client.connect();
        r.client.register("alice");
        r.await(ClientEvent.Welcome.class);
        return r;
    }

    private static String msgidOf(String line) {
        return line.replaceAll(".*msgid=([^; ]+).*", "$1");
    }

    @Test
    void reactAndReplyNameTheNthLastMessageOnScreenByItsMsgid() throws Exception {
        TestServer s = server();
        IrcTestClient bob = s.connect().registerWithCaps("bob", "message-tags echo-message");
        Recorder alice = alice(s);
        alice.client.withMessages((in, out) -> in.replies.react("#chatroom", 1, "x"));
        assertThat(alice.await(ClientEvent.Problem.class).text()).isEqualTo("No message to react to here yet.");

        bob.send("PRIVMSG #chatroom :the deploy failed");
        String deploy = msgidOf(bob.expect("PRIVMSG #chatroom :the deploy failed"));
        alice.await(ClientEvent.Chat.class, c -> c.text().equals("the deploy failed"));
        bob.send("PRIVMSG #chatroom :lunch?");
        String lunch = msgidOf(bob.expect("PRIVMSG #chatroom :lunch\\?"));
        alice.await(ClientEvent.Chat.class, c -> c.text().equals("lunch?"));

        alice.client.withMessages((in, out) -> in.replies.list("react", "#chatroom"));
        ClientEvent.Recent listed = alice.await(ClientEvent.Recent.class);
        assertThat(plain.render(listed))
                .isEqualTo("/react <n> ... (1 is the last):\n  1 bob: \"lunch?\"\n  2 bob: \"the deploy failed\"");

        alice.client.withMessages((in, out) -> in.replies.react("#chatroom", 2, "\uD83D\uDC4D"));
        String reaction = bob.expect(" TAGMSG #chatroom");
        assertThat(reaction).contains("+draft/react=\uD83D\uDC4D").contains("+draft/reply=" + deploy);
        ClientEvent.Reacted echoed = alice.await(ClientEvent.Reacted.class);
        assertThat(plain.render(echoed))
                .matches("\\[\\d\\d:\\d\\d] \\* alice reacted \uD83D\uDC4D to bob: \"the deploy failed\"");

        alice.client.withMessages((in, out) -> in.replies.reply("#chatroom", 1, "ok, on it", out));
        String reply = bob.expect("PRIVMSG #chatroom :ok, on it");
        assertThat(reply).contains("+draft/reply=" + lunch);
        ClientEvent.Chat shown =
                alice.await(ClientEvent.Chat.class, c -> c.text().equals("ok, on it"));
        assertThat(plain.render(shown)).endsWith("alice \u21aa bob: \"lunch?\" ok, on it");

        alice.client.withMessages((in, out) -> in.replies.react("#chatroom", 9, "x"));
        assertThat(alice.await(ClientEvent.Problem.class).text())
                .isEqualTo("Only 3 messages to react to here: /react alone lists them.");
    }

    @Test
    void othersReactionsAndRepliesAreShownCleaned() throws Exception {
        TestServer s = server();
        IrcTestClient bob = s.connect().registerWithCaps("bob", "message-tags");
        Recorder alice = alice(s);
        alice.client.send("#chatroom", "the deploy failed", false);
        String said = bob.expect("PRIVMSG #chatroom :the deploy failed");
        String msgid = msgidOf(said);
        alice.await(ClientEvent.Chat.class, c -> c.text().equals("the deploy failed"));

        // a reaction with a terminal escape and a line break, escaped as the message-tags spec says
        bob.send("@+draft/react=\u001b]0\\:owned\u0007:)\\r\\nfake;+draft/reply=" + msgid + " TAGMSG #chatroom");
        String reacted = plain.render(alice.await(ClientEvent.Reacted.class));
        assertThat(reacted).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\n");
        assertThat(reacted).contains("* bob reacted ").endsWith(" to alice: \"the deploy failed\"");

        bob.send("@+draft/reply=" + msgid + " PRIVMSG #chatroom :\u001b[2Jok, on it");
        String replied =
                plain.render(alice.await(ClientEvent.Chat.class, c -> c.from().equals("bob")));
        assertThat(replied).matches("\\[\\d\\d:\\d\\d] bob \u21aa alice: \"the deploy...\" .*ok, on it");
        assertThat(replied).doesNotContain("\u001b");

        bob.send("@+draft/reply=unknown PRIVMSG #chatroom :to something never seen");
        String unknown =
                plain.render(alice.await(ClientEvent.Chat.class, c -> c.text().startsWith("to something")));
        assertThat(unknown).endsWith("] bob: to something never seen");
    }

    @Test
    void typingGoesBothWaysAsTagmsg() throws Exception {
        TestServer s = server();
        IrcTestClient bob = s.connect().registerWithCaps("bob", "message-tags");
        Recorder alice = alice(s);
        alice.client.withMessages((in, out) -> in.replies.typing("#chatroom", "active"));
        assertThat(bob.expect(" TAGMSG #chatroom")).startsWith("@").contains("+typing=active");

        bob.send("@+typing=active TAGMSG #chatroom");
        assertThat(alice.await(ClientEvent.Typing.class))
                .isEqualTo(new ClientEvent.Typing("bob", "#chatroom", "active"));
        bob.send("@+typing=active TAGMSG alice"); // the server passes a done on only after an active
        bob.send("@+typing=done TAGMSG alice");
        assertThat(alice.await(ClientEvent.Typing.class)).isEqualTo(new ClientEvent.Typing("bob", "bob", "active"));
        assertThat(alice.await(ClientEvent.Typing.class)).isEqualTo(new ClientEvent.Typing("bob", "bob", "done"));
    }
}

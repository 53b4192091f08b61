package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.ScriptedPeer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Multiline batches received (IRCv3 draft/multiline): one message, live, echoed, in history; shown once, cleaned. */
class MultilineReceivingTest {
    private static final String T = "2026-01-05T10:00:00.000Z";
    private final List<AutoCloseable> open = new ArrayList<>();
    private final Render plain = new Render(false, () -> "alice", ZoneId.of("UTC"))
            .rooms(() -> "#chatroom", () -> "#chatroom")
            .accounts(n -> null, true);

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    private ScriptedPeer peer(String caps) throws Exception {
        ScriptedPeer p = new ScriptedPeer(caps);
        open.add(p);
        return p;
    }

    private Recorder alice(ScriptedPeer peer) throws Exception {
        Recorder r = new Recorder(peer.port(), null);
        open.add(r);
        r.client.connect();
        r.client.register("alice");
        r.await(ClientEvent.Welcome.class);
        return r;
    }

    @Test
    void aLiveBatchIsOneMessageItsLinesCleanedAndIndentedUnderTheFirst() throws Exception {
        ScriptedPeer peer = peer(MultilineSendingTest.CAPS);
        Recorder alice = alice(peer);
        peer.send("@msgid=m1;time=" + T + " :bob!~bob@host BATCH +b1 draft/multiline #chatroom")
                .send("@batch=b1 :bob!~bob@host PRIVMSG #chatroom :hello")
                .send("@batch=b1 :bob!~bob@host PRIVMSG #chatroom :how is ")
                .send("@batch=b1;draft/multiline-concat :bob!~bob@host PRIVMSG #chatroom :every\u001b[2Jone?")
                .send("@batch=b1 :bob!~bob@host PRIVMSG #chatroom :")
                .send("@batch=b1 :bob!~bob@host PRIVMSG #chatroom :\u2028bye")
                .send("BATCH -b1")
                .send("@msgid=m2 :bob!~bob@host PRIVMSG #chatroom :single");
        ClientEvent.Chat chat = alice.await(ClientEvent.Chat.class);
        assertThat(chat.text()).isEqualTo("hello\nhow is every\u001b[2Jone?\n\n bye");
        String under = " ".repeat("[10:00] bob: ".length());
        assertThat(plain.render(chat))
                .isEqualTo("[10:00] bob: hello\n" + under + "how is everyone?\n\n" + under + " bye");
        assertThat(alice.await(ClientEvent.Chat.class).text()).isEqualTo("single"); // the batch was the one before
    }

    @Test
    void ourEchoWithItsLabelIsOneMessageThatDeleteAndReactNameByTheBatchsMsgid() throws Exception {
        ScriptedPeer peer = peer(MultilineSendingTest.CAPS + " labeled-response");
        Recorder alice = alice(peer);
        peer.send("@label=x1;msgid=m7;time=" + T + " :alice!~alice@host BATCH +e1 draft/multiline #chatroom")
                .send("@batch=e1 :alice!~alice@host PRIVMSG #chatroom :first")
                .send("@batch=e1 :alice!~alice@host PRIVMSG #chatroom :second")
                .send("BATCH -e1");
        // the same wrapped in a labeled-response batch, as a server may send it
        peer.send("@label=x2 BATCH +lr labeled-response")
                .send("@batch=lr;msgid=m8;time=" + T + " :alice!~alice@host BATCH +e2 draft/multiline #chatroom")
                .send("@batch=e2 :alice!~alice@host PRIVMSG #chatroom :third")
                .send("@batch=e2 :alice!~alice@host PRIVMSG #chatroom :fourth")
                .send("BATCH -e2")
                .send("BATCH -lr");
        assertThat(alice.await(ClientEvent.Chat.class).text()).isEqualTo("first\nsecond");
        assertThat(plain.render(alice.await(ClientEvent.Chat.class)))
                .isEqualTo("[10:00] alice: third\n               fourth");

        alice.client.withMessages((in, out) -> in.deletions.delete("#chatroom", 2));
        assertThat(peer.expect("REDACT.*")).isEqualTo("REDACT #chatroom m7");
        alice.client.withMessages((in, out) -> in.replies.list("react", "#chatroom"));
        assertThat(plain.render(alice.await(ClientEvent.Recent.class)))
                .isEqualTo("/react <n> ... (1 is the last):\n  1 alice: \"third fourth\"\n  2 alice: \"first second\"");
        alice.client.withMessages((in, out) -> in.replies.react("#chatroom", 1, "\uD83D\uDC4D"));
        assertThat(peer.expect(".*TAGMSG.*")).isEqualTo("@+draft/react=\uD83D\uDC4D;+draft/reply=m8 TAGMSG #chatroom");

        peer.send(":alice!~alice@host REDACT #chatroom m7");
        assertThat(plain.render(alice.await(ClientEvent.Deleted.class)))
                .isEqualTo("[10:00] (message deleted) alice: \"first second\"".replace("[10:00]", stampNow()));
    }

    private static String stampNow() {
        return "["
                + java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                        .withZone(ZoneId.of("UTC"))
                        .format(java.time.Instant.now())
                + "]";
    }

    @Test
    void aMentionOnAnyLineHighlightsTheMessage() throws Exception {
        ScriptedPeer peer = peer(MultilineSendingTest.CAPS);
        Recorder alice = alice(peer);
        peer.send("@time=" + T + " :bob!~bob@host BATCH +b2 draft/multiline #chatroom")
                .send("@batch=b2 :bob!~bob@host PRIVMSG #chatroom :the build broke")
                .send("@batch=b2 :bob!~bob@host PRIVMSG #chatroom :alice, can you look?")
                .send("BATCH -b2");
        ClientEvent.Chat chat = alice.await(ClientEvent.Chat.class);
        Render colored = new Render(true, () -> "alice", ZoneId.of("UTC"));
        assertThat(colored.render(chat)).contains("\u001b[7malice");
        Notifications n = new Notifications(Notifications.Level.MENTIONS, Preferences.inMemory());
        assertThat(n.alertFor(chat, "alice").body()).isEqualTo("the build broke alice, can you look?");
    }

    @Test
    void aBatchNestedInHistoryIsOneMessageThereAndOneLineInSearchResults() throws Exception {
        ScriptedPeer peer = peer(MultilineSendingTest.CAPS + " draft/chathistory");
        Recorder alice = alice(peer);
        peer.send("BATCH +h1 chathistory #chatroom")
                .send("@batch=h1;msgid=m5;time=" + T + " :bob!~bob@host BATCH +ml draft/multiline #chatroom")
                .send("@batch=ml :bob!~bob@host PRIVMSG #chatroom :first")
                .send("@batch=ml :bob!~bob@host PRIVMSG #chatroom :second")
                .send("BATCH -ml")
                .send("@batch=h1;msgid=m6;time=" + T + " :carol!~carol@host PRIVMSG #chatroom :after")
                .send("BATCH -h1");
        ClientEvent.History h = alice.await(ClientEvent.History.class);
        assertThat(h.messages()).extracting(ClientEvent.Chat::text).containsExactly("first\nsecond", "after");
        assertThat(plain.render(h))
                .contains("bob: first\n" + " ".repeat("[2026-01-05 10:00] bob: ".length()) + "second");
        assertThat(plain.render(new ClientEvent.SearchResults("first", h.messages())))
                .startsWith("[2026-01-05 10:00] #chatroom bob: first \u23ce second\n");
        peer.send(":bob!~bob@host REDACT #chatroom m5");
        assertThat(alice.await(ClientEvent.Deleted.class).message().text()).isEqualTo("first\nsecond");
    }
}

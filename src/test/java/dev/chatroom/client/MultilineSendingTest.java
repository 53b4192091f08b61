package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.ScriptedPeer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Our messages of several lines on the wire (IRCv3 draft/multiline), against a scripted server on 127.0.0.1. */
class MultilineSendingTest {
    static final String CAPS =
            "batch message-tags echo-message draft/message-redaction draft/multiline=max-bytes=4096,max-lines=100";
    private final List<AutoCloseable> open = new ArrayList<>();

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

    /** The lines of the next batch the client sends, its BATCH lines included. */
    private static List<String> batch(ScriptedPeer peer) throws InterruptedException {
        List<String> lines = new ArrayList<>(List.of(peer.expect(".*BATCH \\+.*")));
        while (!lines.get(lines.size() - 1).startsWith("BATCH -")) lines.add(peer.next());
        return lines;
    }

    @Test
    void severalLinesAreOneBatchWithBlankLinesInsideKeptAndAtTheEndsDropped() throws Exception {
        ScriptedPeer peer = peer(CAPS);
        Recorder alice = alice(peer);
        assertThat(alice.client.multiline()).isTrue();
        alice.client.send("#chatroom", "\nhello\n\nhow is everyone?\n \n", false);
        assertThat(batch(peer))
                .containsExactly(
                        "BATCH +ml1 draft/multiline #chatroom",
                        "@batch=ml1 PRIVMSG #chatroom :hello",
                        "@batch=ml1 PRIVMSG #chatroom :",
                        "@batch=ml1 PRIVMSG #chatroom :how is everyone?",
                        "BATCH -ml1");
        alice.client.send("bob", "psst\nover here", false); // private conversations alike
        assertThat(batch(peer))
                .containsExactly(
                        "BATCH +ml2 draft/multiline bob",
                        "@batch=ml2 PRIVMSG bob :psst",
                        "@batch=ml2 PRIVMSG bob :over here",
                        "BATCH -ml2");
        alice.client.send("#chatroom", "\n \n", false);
        alice.client.send("#chatroom", "after", false);
        assertThat(peer.next()).isEqualTo("PRIVMSG #chatroom :after"); // all blank: nothing was sent
    }

    @Test
    void aLongLineIsCutBetweenWordsWithTheSpaceKeptAndTheRestConcatenated() throws Exception {
        ScriptedPeer peer = peer(CAPS);
        Recorder alice = alice(peer);
        int room = Splitter.roomForText("alice", "#chatroom", false);
        String words = "日本語のテキスト ".repeat(room / 10); // 25 bytes a word: more than one line holds
        String emoji = "\uD83D\uDE00".repeat(room / 3); // 4 bytes each, no space to cut at
        alice.client.send("#chatroom", "first\n" + words.strip() + "\n" + emoji, false);
        List<String> sent = batch(peer);
        assertThat(sent.get(1)).isEqualTo("@batch=ml1 PRIVMSG #chatroom :first");
        List<String> texts = new ArrayList<>();
        for (String l : sent.subList(2, sent.size() - 1)) {
            String text = l.substring(l.indexOf(" :") + 2);
            assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(room);
            assertThat(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                    .isEqualTo(text); // no half character: it would not survive the trip
            texts.add(text);
        }
        assertThat(sent.get(2)).startsWith("@batch=ml1 PRIVMSG").endsWith("テキスト "); // the space stays with the first
        assertThat(sent.get(3)).startsWith("@batch=ml1;draft/multiline-concat PRIVMSG #chatroom :日本語");
        int emojiAt = texts.indexOf(
                texts.stream().filter(t -> t.startsWith("\uD83D")).findFirst().orElseThrow());
        assertThat(String.join("", texts.subList(0, emojiAt))).isEqualTo(words.strip());
        assertThat(String.join("", texts.subList(emojiAt, texts.size()))).isEqualTo(emoji);
        assertThat(sent.get(2 + emojiAt)).startsWith("@batch=ml1 PRIVMSG"); // a new line, not a continuation
        assertThat(sent.get(3 + emojiAt)).startsWith("@batch=ml1;draft/multiline-concat PRIVMSG");
    }

    @Test
    void overTheServersLimitsTheLinesGoAsSeveralMessages() throws Exception {
        ScriptedPeer peer = peer("batch draft/multiline=max-bytes=20,max-lines=3,unknown-key");
        Recorder alice = alice(peer);
        alice.client.send("#chatroom", "one\ntwo\nthree\nfour\n\nfive six seven eight nine", false);
        assertThat(batch(peer))
                .containsExactly(
                        "BATCH +ml1 draft/multiline #chatroom",
                        "@batch=ml1 PRIVMSG #chatroom :one",
                        "@batch=ml1 PRIVMSG #chatroom :two",
                        "@batch=ml1 PRIVMSG #chatroom :three",
                        "BATCH -ml1");
        assertThat(batch(peer)) // the blank line at its end dropped; 20 bytes at most, a line break counting one
                .containsExactly(
                        "BATCH +ml2 draft/multiline #chatroom", "@batch=ml2 PRIVMSG #chatroom :four", "BATCH -ml2");
        assertThat(batch(peer))
                .containsExactly(
                        "BATCH +ml3 draft/multiline #chatroom",
                        "@batch=ml3 PRIVMSG #chatroom :five six seven ", // cut to fit 20 bytes, the space kept
                        "BATCH -ml3");
        assertThat(batch(peer)) // its rest with it would be 25 bytes: a message of its own
                .containsExactly(
                        "BATCH +ml4 draft/multiline #chatroom",
                        "@batch=ml4 PRIVMSG #chatroom :eight nine",
                        "BATCH -ml4");
    }

    @Test
    void aReplysTagGoesOnTheOpeningBatch() throws Exception {
        ScriptedPeer peer = peer(CAPS);
        Recorder alice = alice(peer);
        peer.send("@msgid=m1 :bob!~bob@host PRIVMSG #chatroom :lunch?");
        alice.await(ClientEvent.Chat.class, c -> c.text().equals("lunch?"));
        alice.client.withMessages((in, out) -> in.replies.reply("#chatroom", 1, "yes\nat noon", out));
        assertThat(batch(peer))
                .containsExactly(
                        "@+draft/reply=m1 BATCH +ml1 draft/multiline #chatroom",
                        "@batch=ml1 PRIVMSG #chatroom :yes",
                        "@batch=ml1 PRIVMSG #chatroom :at noon",
                        "BATCH -ml1");
    }

    @Test
    void withoutTheCapabilityEachLineIsAMessageAsBefore() throws Exception {
        ScriptedPeer peer = peer("batch message-tags");
        Recorder alice = alice(peer);
        assertThat(alice.client.multiline()).isFalse();
        alice.client.send("#chatroom", "one\n\ntwo", false);
        assertThat(peer.next()).isEqualTo("PRIVMSG #chatroom :one");
        assertThat(peer.next()).isEqualTo("PRIVMSG #chatroom :two");
        // without echo-message our message is shown at once: as the lines went
        alice.await(ClientEvent.Chat.class, c -> c.text().equals("one"));
        alice.await(ClientEvent.Chat.class, c -> c.text().equals("two"));
    }

    @Test
    void withoutEchoOurMultilineMessageIsShownOnceAtOnce() throws Exception {
        ScriptedPeer peer = peer("batch draft/multiline=max-bytes=4096");
        Recorder alice = alice(peer);
        alice.client.send("#chatroom", "one\n\ntwo", false);
        assertThat(alice.await(ClientEvent.Chat.class).text()).isEqualTo("one\n\ntwo");
    }
}

package dev.chatroom.server.multiline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import dev.chatroom.testing.ManualHistoryStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * draft/multiline on the server: a client's batch collected and sent as one message, in the form
 * each recipient negotiated, and every way a batch can be wrong. In memory, on the manual clock.
 */
class MultilineTest {
    private static final String CAPS = "message-tags batch echo-message server-time labeled-response draft/multiline";
    private final ManualHistoryStore store = new ManualHistoryStore();
    private final InMemoryServer server = new InMemoryServer(InMemoryServer.config(), store);
    private final FakeClient alice = server.connect().registerWithCaps("alice", CAPS);
    private final FakeClient bob =
            server.connect().registerWithCaps("bob", "message-tags batch server-time draft/multiline");
    private final FakeClient carol = server.connect().registerWithCaps("carol", "message-tags server-time");
    private final FakeClient plain = server.join("plain");

    {
        sync();
    }

    private void sync() {
        store.write();
        for (FakeClient c : List.of(alice, bob, carol, plain)) c.sync();
    }

    private void sendHello(String target) {
        alice.send("@label=xyz;+draft/reply=abc BATCH +1 draft/multiline " + target);
        alice.send("@batch=1 PRIVMSG " + target + " hello");
        alice.send("@batch=1 PRIVMSG " + target + " :");
        alice.send("@batch=1 PRIVMSG " + target + " :how is ");
        alice.send("@batch=1;draft/multiline-concat PRIVMSG " + target + " :everyone?");
        alice.send("BATCH -1");
    }

    @Test
    void eachRecipientGetsTheFormItNegotiated() {
        sendHello("#chatroom");
        List<String> batch = bob.sync();
        assertThat(batch).hasSize(6);
        assertThat(batch.get(0))
                .matches(
                        "@time=\\S+;msgid=(\\S+);\\+draft/reply=abc :alice!\\S+ BATCH \\+(\\S+) draft/multiline #chatroom");
        String ref = batch.get(0).replaceAll(".* BATCH \\+(\\S+) .*", "$1");
        String msgid = batch.get(0).replaceAll(".*msgid=([^; ]+).*", "$1");
        String time = batch.get(0).replaceAll("@time=([^; ]+).*", "$1");
        assertThat(batch.subList(1, 6))
                .containsExactly(
                        "@batch=" + ref + " :alice!~alice@127.0.0.1 PRIVMSG #chatroom :hello",
                        "@batch=" + ref + " :alice!~alice@127.0.0.1 PRIVMSG #chatroom :",
                        "@batch=" + ref + " :alice!~alice@127.0.0.1 PRIVMSG #chatroom :how is ",
                        "@batch=" + ref
                                + ";draft/multiline-concat :alice!~alice@127.0.0.1 PRIVMSG #chatroom :everyone?",
                        ":alice!~alice@127.0.0.1 BATCH -" + ref);
        assertThat(carol.sync()) // blank lines skipped, the msgid on the first line only, no concat tag
                .containsExactly(
                        "@time=" + time + ";msgid=" + msgid
                                + ";+draft/reply=abc :alice!~alice@127.0.0.1 PRIVMSG #chatroom :hello",
                        "@time=" + time + ";+draft/reply=abc :alice!~alice@127.0.0.1 PRIVMSG #chatroom :how is ",
                        "@time=" + time + ";+draft/reply=abc :alice!~alice@127.0.0.1 PRIVMSG #chatroom :everyone?");
        assertThat(plain.sync())
                .containsExactly(
                        ":alice!~alice@127.0.0.1 PRIVMSG #chatroom :hello",
                        ":alice!~alice@127.0.0.1 PRIVMSG #chatroom :how is ",
                        ":alice!~alice@127.0.0.1 PRIVMSG #chatroom :everyone?");
        assertThat(alice.sync()).as("the echo waits for the store").isEmpty();
        store.write();
        List<String> echo = alice.sync();
        assertThat(echo).hasSize(6);
        assertThat(echo.get(0))
                .startsWith("@label=xyz;time=" + time + ";msgid=" + msgid + ";")
                .contains(" BATCH +");
        assertThat(echo.subList(1, 6)).noneMatch(l -> l.contains("label") || l.contains("msgid"));
    }

    @Test
    void privateMultilineReachesTheNick() {
        sendHello("bob");
        List<String> batch = bob.sync();
        assertThat(batch.get(0)).contains(" BATCH +").endsWith(" draft/multiline bob");
        assertThat(batch).hasSize(6);
        assertThat(carol.sync()).isEmpty();
    }

    @Test
    void storedAsOneMessageAndGivenBackInEitherForm() {
        sendHello("#chatroom");
        sync();
        assertThat(store.written()).hasSize(1);
        assertThat(store.written().get(0).text()).isEqualTo("hello\n\nhow is everyone?");

        bob.send("CHATHISTORY LATEST #chatroom * 10");
        List<String> history = bob.sync();
        assertThat(history.get(0)).contains(" BATCH +").contains(" chathistory #chatroom");
        String outer = history.get(0).replaceAll(".* BATCH \\+(\\S+) .*", "$1");
        assertThat(history.get(1))
                .startsWith("@batch=" + outer + ";time=")
                .contains("msgid=")
                .contains(" draft/multiline #chatroom");
        assertThat(history)
                .filteredOn(l -> l.contains("draft/multiline-concat"))
                .hasSize(1);
        assertThat(history).filteredOn(l -> l.contains(" PRIVMSG ")).hasSize(4);

        carol.send("CHATHISTORY LATEST #chatroom * 10");
        assertThat(carol.sync()).filteredOn(l -> l.contains(" PRIVMSG ")).hasSize(3);
    }

    @Test
    void tooManyBytesFailsAtOnceAndTheRestIsIgnored() {
        alice.send("BATCH +b draft/multiline #chatroom");
        String line = "x".repeat(400);
        for (int i = 0; i < 11; i++) alice.send("@batch=b PRIVMSG #chatroom " + line);
        alice.send("BATCH -b");
        assertThat(alice.sync())
                .containsExactly(
                        ":My.Little.Server FAIL BATCH MULTILINE_MAX_BYTES 4096 :Multiline batch max-bytes exceeded"
                                .replace("My.Little.Server", serverName()));
        assertThat(bob.sync()).isEmpty();
        assertThat(plain.sync()).isEmpty();
    }

    @Test
    void tooManyLinesFails() {
        alice.send("BATCH +b draft/multiline #chatroom");
        for (int i = 0; i < 101; i++) alice.send("@batch=b PRIVMSG #chatroom hi");
        alice.send("BATCH -b");
        assertThat(alice.sync()).singleElement().asString().contains("FAIL BATCH MULTILINE_MAX_LINES 100 ");
        assertThat(bob.sync()).isEmpty();
    }

    @Test
    void aLineToAnotherTargetFailsTheBatch() {
        alice.send("BATCH +b draft/multiline #chatroom");
        alice.send("@batch=b PRIVMSG #other hi");
        alice.send("@batch=b PRIVMSG #chatroom hi");
        alice.send("BATCH -b");
        assertThat(alice.sync())
                .singleElement()
                .asString()
                .endsWith("FAIL BATCH MULTILINE_INVALID_TARGET #chatroom #other :Invalid multiline target");
        assertThat(bob.sync()).isEmpty();
    }

    @Test
    void malformedBatchesAreInvalid() {
        List<List<String>> cases = List.of(
                List.of("BATCH +b draft/multiline #chatroom", "@batch=c PRIVMSG #chatroom hi"), // wrong ref
                List.of(
                        "BATCH +b draft/multiline #chatroom",
                        "@batch=b PRIVMSG #chatroom hi",
                        "@batch=b;draft/multiline-concat PRIVMSG #chatroom :",
                        "BATCH -b"),
                List.of("BATCH +b draft/multiline #chatroom", "@batch=b PRIVMSG #chatroom :", "BATCH -b"), // all blank
                List.of("BATCH +b draft/multiline #chatroom", "@batch=b NOTICE #chatroom hi", "BATCH -b"),
                List.of("BATCH -z"), // never opened
                List.of("@batch=z PRIVMSG #chatroom hi"));
        for (List<String> lines : cases) {
            lines.forEach(alice::send);
            assertThat(alice.sync())
                    .as(lines.toString())
                    .singleElement()
                    .asString()
                    .contains("FAIL BATCH MULTILINE_INVALID :");
            alice.send("BATCH -b"); // whatever is left open goes
            alice.sync();
        }
        assertThat(bob.sync()).isEmpty();
        assertThat(plain.sync()).isEmpty();
    }

    @Test
    void oneOpenBatchAtATime() {
        alice.send("BATCH +b draft/multiline #chatroom");
        alice.send("BATCH +c draft/multiline #chatroom");
        assertThat(alice.sync()).singleElement().asString().contains("FAIL BATCH MULTILINE_INVALID");
        alice.send("@batch=b PRIVMSG #chatroom still here");
        alice.send("BATCH -b");
        assertThat(bob.sync()).hasSize(3);
    }

    @Test
    void withoutTheCapabilityThereIsNoBatch() {
        carol.send("BATCH +b draft/multiline #chatroom");
        carol.send("@batch=b PRIVMSG #chatroom hi");
        assertThat(carol.sync()).hasSize(2).allMatch(l -> l.contains("FAIL BATCH MULTILINE_INVALID"));
        assertThat(bob.sync()).isEmpty();
    }

    @Test
    void aBatchLeftOpenIsDropped() {
        alice.send("BATCH +b draft/multiline #chatroom");
        alice.send("@batch=b PRIVMSG #chatroom hi");
        server.advance(Duration.ofSeconds(29));
        assertThat(alice.sync()).isEmpty();
        server.advance(Duration.ofSeconds(1));
        assertThat(alice.sync()).singleElement().asString().contains("FAIL BATCH MULTILINE_INVALID");
        alice.send("BATCH -b");
        assertThat(alice.sync()).singleElement().asString().contains("FAIL BATCH MULTILINE_INVALID");
        assertThat(bob.sync()).isEmpty();
    }

    @Test
    void disconnectingMidBatchSendsNothing() {
        alice.send("BATCH +b draft/multiline #chatroom");
        alice.send("@batch=b PRIVMSG #chatroom hi");
        alice.send("QUIT :bye");
        assertThat(bob.sync()).singleElement().asString().contains(" QUIT ");
    }

    @Test
    void aModeratedRoomRefusesItAsItRefusesAPrivmsg() {
        plain.send("JOIN #quiet");
        alice.send("JOIN #quiet");
        plain.send("MODE #quiet +m");
        sync();
        alice.send("BATCH +b draft/multiline #quiet");
        alice.send("@batch=b PRIVMSG #quiet hi");
        alice.send("BATCH -b");
        assertThat(alice.sync()).singleElement().asString().contains(" 404 alice #quiet ");
        assertThat(plain.sync()).isEmpty();
    }

    @Test
    void theInternalCommandIsNotForClients() {
        alice.send("@chatroom/multiline=a\\nb MULTILINE #chatroom");
        assertThat(alice.sync()).singleElement().asString().contains(" 421 alice MULTILINE ");
        assertThat(bob.sync()).isEmpty();
    }

    private String serverName() {
        return server.onLoop(h -> h.output().serverName());
    }
}

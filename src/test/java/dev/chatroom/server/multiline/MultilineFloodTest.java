package dev.chatroom.server.multiline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Flood control charges a multiline batch one message per started 512 bytes of its text, not per
 * line: many short lines go at once, a big batch waits for its share and holds back what follows.
 */
class MultilineFloodTest {
    private static final String CAPS = "batch draft/multiline";
    // a burst of 5 lines, then one a second
    private final InMemoryServer server =
            new InMemoryServer(InMemoryServer.config(s -> s.floodBurst(5).floodRate(1)));
    private final FakeClient alice = server.connect().registerWithCaps("alice", CAPS);
    private final FakeClient bob = server.connect().registerWithCaps("bob", CAPS);

    {
        server.advance(Duration.ofSeconds(10)); // registration's lines paid back
        alice.sync();
        bob.sync();
    }

    @Test
    void manyShortLinesCostOneMessage() {
        alice.send("BATCH +b draft/multiline #chatroom");
        for (int i = 0; i < 20; i++) alice.send("@batch=b PRIVMSG #chatroom :line " + i);
        alice.send("BATCH -b");
        assertThat(bob.sync()).hasSize(22); // 20 lines in their batch, at once
        for (int i = 0; i < 4; i++) alice.send("PRIVMSG #chatroom :more " + i); // the rest of the burst
        assertThat(bob.sync()).hasSize(4);
    }

    @Test
    void aBigBatchWaitsForItsShareAndHoldsBackWhatFollows() {
        alice.send("BATCH +b draft/multiline #chatroom");
        for (int i = 0; i < 8; i++) alice.send("@batch=b PRIVMSG #chatroom :" + "x".repeat(480));
        alice.send("BATCH -b"); // 3847 bytes: 8 messages, the opening paid 1, 4 left of the burst
        assertThat(bob.sync()).isEmpty();
        server.advance(Duration.ofMillis(999));
        assertThat(bob.sync()).isEmpty();
        server.advance(Duration.ofMillis(1));
        assertThat(bob.sync()).hasSize(10); // a full bucket's worth lets it go, the balance now -2

        alice.send("PRIVMSG #chatroom :after");
        server.advance(Duration.ofMillis(2999));
        assertThat(bob.sync()).isEmpty();
        server.advance(Duration.ofMillis(1));
        assertThat(bob.sync()).singleElement().asString().endsWith("PRIVMSG #chatroom :after");
    }
}

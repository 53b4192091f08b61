package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.HubTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Over-long lines, invalid UTF-8, NUL: a clear error, the next line still works, nothing relayed half. */
class BadInputTest extends HubTest {
    private FakeClient alice;
    private FakeClient bob;

    @BeforeEach
    void joinTwo() {
        alice = server.join("alice");
        bob = server.join("bob");
        alice.sync();
    }

    @Test
    void overLongLineGets417AndIsNotRelayedAndTheNextLineWorks() {
        alice.send("PRIVMSG #chatroom :" + "x".repeat(600));
        alice.send("PRIVMSG #chatroom :short");
        assertThat(alice.next()).isEqualTo(":chatroom 417 alice :Input line was too long");
        assertThat(alice.sync()).isEmpty();
        assertThat(bob.sync()).containsExactly(":alice!~alice@127.0.0.1 PRIVMSG #chatroom :short");
    }

    @Test
    void megabyteWithoutNewlineIsDroppedOnce() {
        alice.sendRaw("A".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII));
        alice.send(" still the same line");
        alice.send("PRIVMSG #chatroom :after");
        assertThat(alice.next()).isEqualTo(":chatroom 417 alice :Input line was too long");
        assertThat(alice.sync()).isEmpty();
        assertThat(bob.sync()).containsExactly(":alice!~alice@127.0.0.1 PRIVMSG #chatroom :after");
    }

    @Test
    void invalidUtf8GetsAFailAndANoticeAndIsNotRelayed() {
        alice.sendRaw("PRIVMSG #chatroom :caf\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(alice.next())
                .isEqualTo(":chatroom FAIL * INVALID_UTF8 :Your line was dropped: it is not valid UTF-8.");
        assertThat(alice.next()).isEqualTo(":chatroom NOTICE alice :Your line was dropped: it is not valid UTF-8.");
        assertThat(bob.sync()).isEmpty();
    }

    @Test
    void nulIsRefused() {
        alice.sendRaw("PRIVMSG #chatroom :a\u0000b\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(alice.next())
                .isEqualTo(":chatroom NOTICE alice :Your line was dropped: it contains a NUL, CR or LF character.");
        assertThat(bob.sync()).isEmpty();
    }

    @Test
    void manyLinesInOnePacketAreEachHandled() {
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < 50; i++)
            burst.append("PRIVMSG #chatroom :line ").append(i).append(i % 2 == 0 ? "\r\n" : "\n");
        alice.sendRaw(burst.toString().getBytes(StandardCharsets.US_ASCII));
        var got = bob.sync();
        assertThat(got).hasSize(50);
        for (int i = 0; i < 50; i++) assertThat(got.get(i)).endsWith(":line " + i);
    }

    @Test
    void unregisteredGarbageDoesNotCrashTheServer() {
        FakeClient junk = server.connect();
        junk.sendRaw(new byte[] {0x1b, '[', '2', 'J', '\r', '\n', ':', '\r', '\n', '@', '\r', '\n'});
        junk.sync();
        junk.send("PING :alive");
        assertThat(junk.next()).isEqualTo(":chatroom PONG chatroom :alive");
        junk.sendRaw(new byte[] {(byte) 0xff, (byte) 0xfe, '\r', '\n'});
        assertThat(junk.awaitClosed())
                .containsExactly(
                        "ERROR :Closing link: your client sent text that is not UTF-8; set its encoding to UTF-8");
        alice.send("PRIVMSG #chatroom :fine");
        bob.expect("fine");
    }
}

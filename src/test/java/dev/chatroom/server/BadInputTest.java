package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.ServerTest;
import dev.chatroom.testing.TestServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Over-long lines, invalid UTF-8, NUL: a clear error, the next line still works, nothing relayed half. */
class BadInputTest extends ServerTest {
    private IrcTestClient alice;
    private IrcTestClient bob;

    @BeforeEach
    void joinTwo() throws Exception {
        alice = server.join("alice");
        bob = server.join("bob");
        alice.sync();
    }

    @Test
    void overLongLineGets417AndIsNotRelayedAndTheNextLineWorks() throws Exception {
        alice.send("PRIVMSG #chatroom :" + "x".repeat(600));
        alice.send("PRIVMSG #chatroom :short");
        assertThat(alice.next()).isEqualTo(":chatroom 417 alice :Input line was too long");
        assertThat(alice.sync()).isEmpty();
        assertThat(bob.sync()).containsExactly(":alice!~alice@127.0.0.1 PRIVMSG #chatroom :short");
    }

    @Test
    void megabyteWithoutNewlineIsDroppedOnce() throws Exception {
        alice.sendRaw("A".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII));
        alice.send(" still the same line");
        alice.send("PRIVMSG #chatroom :after");
        assertThat(alice.next()).isEqualTo(":chatroom 417 alice :Input line was too long");
        assertThat(alice.sync()).isEmpty();
        assertThat(bob.sync()).containsExactly(":alice!~alice@127.0.0.1 PRIVMSG #chatroom :after");
    }

    @Test
    void invalidUtf8GetsANoticeAndIsNotRelayed() throws Exception {
        alice.sendRaw("PRIVMSG #chatroom :caf\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(alice.next()).isEqualTo(":chatroom NOTICE alice :Your line was dropped: it is not valid UTF-8.");
        alice.sync();
        assertThat(bob.sync()).isEmpty();
    }

    @Test
    void nulIsRefused() throws Exception {
        alice.sendRaw("PRIVMSG #chatroom :a\u0000b\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(alice.next()).isEqualTo(":chatroom NOTICE alice :Your line was dropped: it contains a NUL or CR character.");
        alice.sync();
        assertThat(bob.sync()).isEmpty();
    }

    @Test
    void manyLinesInOnePacketAreEachHandled() throws Exception {
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < 50; i++) burst.append("PRIVMSG #chatroom :line ").append(i).append(i % 2 == 0 ? "\r\n" : "\n");
        alice.sendRaw(burst.toString().getBytes(StandardCharsets.US_ASCII));
        alice.sync();
        var got = bob.sync();
        assertThat(got).hasSize(50);
        for (int i = 0; i < 50; i++) assertThat(got.get(i)).endsWith(":line " + i);
    }

    @Test
    void unregisteredGarbageDoesNotCrashTheServer() throws Exception {
        IrcTestClient junk = server.connect();
        junk.sendRaw(new byte[] {(byte) 0xff, (byte) 0xfe, 0x1b, '[', '2', 'J', '\r', '\n', ':', '\r', '\n', '@', '\r', '\n'});
        junk.send("PING :alive");
        junk.expect("PONG chatroom :alive");
        alice.send("PRIVMSG #chatroom :fine");
        bob.expect("fine");
    }
}

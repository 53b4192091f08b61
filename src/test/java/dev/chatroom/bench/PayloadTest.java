package dev.chatroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The benchmark message text: what the senders write is what the receivers read. */
class PayloadTest {
    private final Payload payload = new Payload();

    private boolean parse(String text) {
        ByteBuf b = Unpooled.copiedBuffer("xx" + text, StandardCharsets.US_ASCII);
        try {
            return payload.parse(b, 2, b.writerIndex());
        } finally {
            b.release();
        }
    }

    @Test
    void readsBackWhatASenderWrote() {
        String line = Payload.line("#chatroom", 17, 4242, 123456789012345L, 100);
        assertThat(line).startsWith("PRIVMSG #chatroom :17 4242 123456789012345 x");
        assertThat(line.length() - "PRIVMSG #chatroom :".length()).isEqualTo(100);
        assertThat(parse(line.substring(line.indexOf(':') + 1))).isTrue();
        assertThat(payload.sender()).isEqualTo(17);
        assertThat(payload.seq()).isEqualTo(4242);
        assertThat(payload.sendNanos()).isEqualTo(123456789012345L);
    }

    @Test
    void theLastNumberMayEndTheLine() {
        assertThat(parse("1 2 3")).isTrue();
        assertThat(payload.sendNanos()).isEqualTo(3);
    }

    @Test
    void otherTextIsNotABenchmarkMessage() {
        assertThat(parse("hello there")).isFalse();
        assertThat(parse("1 2")).isFalse();
        assertThat(parse("1  2 3 x")).isFalse();
        assertThat(parse("1 2x 3 x")).isFalse();
        assertThat(parse("")).isFalse();
    }

    @Test
    void aFailedParseDoesNotSpoilTheNext() {
        assertThat(parse("1 x")).isFalse();
        assertThat(parse("5 6 7 xx")).isTrue();
        assertThat(payload.sender()).isEqualTo(5);
        assertThat(payload.seq()).isEqualTo(6);
    }
}

package dev.chatroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every bench connection shares: registering, answering PINGs, handing on the other lines, and noticing the end. */
class LineClientTest {
    private final List<String> handed = new ArrayList<>();
    private int closed;
    private final LineClient client = new LineClient() {
        @Override
        void opened() {
            register("secret", "probe1", "chatroom bench test");
        }

        @Override
        void line(ByteBuf b, int start, int end) {
            handed.add(b.toString(start, end - start, StandardCharsets.UTF_8));
        }

        @Override
        void closed() {
            closed++;
        }
    };
    private final EmbeddedChannel ch = new EmbeddedChannel(client);

    private List<String> sent() {
        List<String> out = new ArrayList<>();
        ByteBuf b;
        while ((b = ch.readOutbound()) != null) {
            out.add(b.toString(StandardCharsets.UTF_8));
            b.release();
        }
        return out;
    }

    @Test
    void registersAnswersPingsAndHandsOnEveryOtherLineInOrder() {
        assertThat(sent())
                .containsExactly("PASS secret\r\n", "NICK probe1\r\n", "USER probe1 0 * :chatroom bench test\r\n");
        ch.writeInbound(Unpooled.copiedBuffer(
                ":srv 001 probe1 :Welcome\r\nPING :srv\r\n:srv NOTICE probe1 :cut ", StandardCharsets.UTF_8));
        ch.writeInbound(Unpooled.copiedBuffer("across reads\n", StandardCharsets.UTF_8));
        assertThat(sent()).containsExactly("PONG :srv\r\n");
        assertThat(handed).containsExactly(":srv 001 probe1 :Welcome", ":srv NOTICE probe1 :cut across reads");
    }

    @Test
    void aClosedConnectionIsReportedOnceAndWhatItReadIsReleased() {
        ByteBuf cut = Unpooled.copiedBuffer(":srv NOTICE probe1 :never ended", StandardCharsets.UTF_8);
        ch.writeInbound(cut);
        assertThat(cut.refCnt()).isZero();
        ch.close();
        assertThat(closed).isEqualTo(1);
        assertThat(handed).isEmpty();
        ch.finishAndReleaseAll();
    }
}

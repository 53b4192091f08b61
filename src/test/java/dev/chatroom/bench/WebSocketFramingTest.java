package dev.chatroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bench connection over WebSocket: lines out as one text frame each, frames in as lines, nothing before the handshake. */
class WebSocketFramingTest {
    private final List<String> handed = new ArrayList<>();
    private int opened;
    private int closed;
    private final LineClient client = new LineClient() {
        @Override
        void opened() {
            opened++;
            register(null, "probe1", "chatroom bench test");
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
    private final EmbeddedChannel ch = new EmbeddedChannel(new WebSocketFraming(), client);

    /** What went out: "text:..." per text frame, anything else by its class. */
    private List<String> sent() {
        List<String> out = new ArrayList<>();
        Object m;
        while ((m = ch.readOutbound()) != null) {
            if (m instanceof TextWebSocketFrame t) {
                out.add("text:" + t.text());
                t.release();
            } else out.add(m.getClass().getSimpleName());
        }
        return out;
    }

    private static TextWebSocketFrame text(String s) {
        return new TextWebSocketFrame(Unpooled.copiedBuffer(s, StandardCharsets.UTF_8));
    }

    @Test
    void theClientRegistersOnlyOnceTheHandshakeIsDone() {
        assertThat(sent()).isEmpty();
        assertThat(opened).isZero();
        ch.pipeline().fireUserEventTriggered(ClientHandshakeStateEvent.HANDSHAKE_ISSUED);
        assertThat(opened).isZero();
        ch.pipeline().fireUserEventTriggered(ClientHandshakeStateEvent.HANDSHAKE_COMPLETE);
        assertThat(opened).isEqualTo(1);
        assertThat(sent()).containsExactly("text:NICK probe1", "text:USER probe1 0 * :chatroom bench test");
    }

    @Test
    void eachFrameIsOneLineAndPingsAreAnsweredInAFrame() {
        ch.pipeline().fireUserEventTriggered(ClientHandshakeStateEvent.HANDSHAKE_COMPLETE);
        sent();
        TextWebSocketFrame welcome = text(":srv 001 probe1 :Welcome");
        ch.writeInbound(welcome);
        ch.writeInbound(text("PING :srv"));
        ch.writeInbound(
                new BinaryWebSocketFrame(Unpooled.copiedBuffer(":srv NOTICE probe1 :bin", StandardCharsets.UTF_8)));
        assertThat(handed).containsExactly(":srv 001 probe1 :Welcome", ":srv NOTICE probe1 :bin");
        assertThat(sent()).containsExactly("text:PONG :srv");
        assertThat(welcome.refCnt()).isZero();
    }

    @Test
    void aConnectionThatEndsDuringTheHandshakeIsClosedNeverOpened() {
        ch.close();
        assertThat(opened).isZero();
        assertThat(closed).isEqualTo(1);
    }
}

package dev.chatroom.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.irc.IrcLineDecoder;
import dev.chatroom.server.Background;
import dev.chatroom.server.Hub;
import dev.chatroom.server.Link;
import dev.chatroom.server.Motd;
import dev.chatroom.server.accounts.PasswordHash;
import dev.chatroom.store.Stores;
import dev.chatroom.testing.InMemoryServer;
import dev.chatroom.testing.ManualClock;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one handler of a client's pipeline, in an EmbeddedChannel: reads split anywhere, output through the link. */
class ClientChannelTest {
    private EmbeddedChannel channel;
    private Hub hub;
    private ClientChannel link;

    /** An EmbeddedChannel with a real-looking remote address, which the hub needs. */
    private static final class Client extends EmbeddedChannel {
        @Override
        protected SocketAddress remoteAddress0() {
            return new InetSocketAddress("127.0.0.1", 40000);
        }
    }

    @BeforeEach
    void open() throws Exception {
        channel = new Client();
        OutputMemory memory = new OutputMemory(64 << 20, 1 << 20, Duration.ofSeconds(10), channel.eventLoop());
        var config = InMemoryServer.config();
        hub = new Hub(
                config,
                Motd.load(config),
                new ManualClock(),
                UnpooledByteBufAllocator.DEFAULT,
                line -> {},
                Stores.none(),
                memory,
                PasswordHash.DEFAULT,
                Background.INLINE);
        link = new ClientChannel(hub, new Flusher(channel.eventLoop()), memory, IrcLineDecoder.strictUtf8(), false);
        channel.pipeline().addLast(link);
        channel.pipeline().fireChannelActive();
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private void send(String bytes) {
        channel.writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.UTF_8));
        channel.runPendingTasks();
    }

    private List<String> received() {
        StringBuilder sb = new StringBuilder();
        ByteBuf out;
        while ((out = channel.readOutbound()) != null) {
            sb.append(out.toString(StandardCharsets.UTF_8));
            out.release();
        }
        List<String> lines = new ArrayList<>();
        for (String l : sb.toString().split("\r\n")) if (!l.isEmpty()) lines.add(l);
        return lines;
    }

    @Test
    void linesSplitAcrossReadsAnywhereAreReassembled() {
        send("NI");
        send("CK ali");
        send("ce\r\nUSER a 0 * ");
        assertThat(received()).isEmpty();
        send(":Alice\nPING :x\r");
        List<String> got = received();
        assertThat(got.get(0))
                .isEqualTo(":chatroom 001 alice :Welcome to the chatroom IRC Network, alice!~a@127.0.0.1");
        assertThat(got).doesNotContain(":chatroom PONG chatroom :x"); // its LF has not come yet
        send("\n");
        assertThat(received()).containsExactly(":chatroom PONG chatroom :x");
        assertThat(hub.stats().bytesIn()).isEqualTo("NICK alice\r\nUSER a 0 * :Alice\nPING :x\r\n".length());
    }

    @Test
    void aPartialLineThatGrowsPastTheLimitIsOneErrorAndTheNextLineWorks() {
        send("NICK bob\r\nUSER b 0 * :B\r\n");
        received();
        for (int i = 0; i < 20; i++) send("x".repeat(1000)); // 20 KB and no end of line
        send(" still the same line\r\nPING :after\r\n");
        assertThat(received())
                .containsExactly(":chatroom 417 bob :Input line was too long", ":chatroom PONG chatroom :after");
    }

    @Test
    void heldOutputStaysQueuedFromItsMarkUntilTheHoldMovesOnAndIsNotTakenForAStalledReader() {
        send("NICK carol\r\nUSER c 0 * :C\r\n");
        received();
        send("PING :before\r\n");
        link.holdFrom(link.mark());
        send("PING :one\r\nPING :two\r\n");
        assertThat(received()).containsExactly(":chatroom PONG chatroom :before");
        assertThat(link.held()).isPositive();
        assertThat(link.waitingSince(123)).isEqualTo(123);
        long second = link.mark();
        send("PING :three\r\n");
        link.holdFrom(second);
        channel.runPendingTasks();
        assertThat(received()).containsExactly(":chatroom PONG chatroom :one", ":chatroom PONG chatroom :two");
        link.holdFrom(Link.NOTHING_HELD);
        channel.runPendingTasks();
        assertThat(received()).containsExactly(":chatroom PONG chatroom :three");
    }

    @Test
    void aCloseWhileHeldSendsTheLastLinesAndClosesOnceReleased() {
        send("NICK dave\r\nUSER d 0 * :D\r\n");
        received();
        link.holdFrom(link.mark());
        send("QUIT :bye\r\n");
        assertThat(received()).isEmpty();
        assertThat(channel.isOpen()).isTrue();
        link.holdFrom(Link.NOTHING_HELD);
        channel.runPendingTasks();
        assertThat(received()).singleElement().asString().startsWith("ERROR :Closing link");
        assertThat(channel.isOpen()).isFalse();
    }
}

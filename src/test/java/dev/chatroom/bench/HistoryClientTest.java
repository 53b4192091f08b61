package dev.chatroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.irc.Message;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A history benchmark's client against a scripted server, without sockets. */
class HistoryClientTest {
    private final List<Message> handed = new ArrayList<>();
    private final HistoryClient client =
            new HistoryClient(0, "store0", List.of("batch", "draft/chathistory"), null, new HistoryClient.Listener() {
                @Override
                public void line(HistoryClient c, Message m, long nanos) {
                    handed.add(m);
                }

                @Override
                public void closed(HistoryClient c) {}
            });
    private final EmbeddedChannel ch = new EmbeddedChannel(client);

    @AfterEach
    void finish() {
        ch.finishAndReleaseAll();
    }

    private void serverSends(String text) {
        ch.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

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
    void asksForEachCapabilityOnItsOwnThenRegisters() {
        assertThat(sent())
                .containsExactly(
                        "CAP REQ :batch\r\n",
                        "CAP REQ :draft/chathistory\r\n",
                        "CAP END\r\n",
                        "NICK store0\r\n",
                        "USER store0 0 * :chatroom bench\r\n");
        serverSends(":srv CAP * ACK :batch\r\n:srv CAP * NAK :draft/chathistory\r\n");
        assertThat(client.acked).containsExactly("batch");
    }

    @Test
    void liveRoomMessagesAreCountedAndHistoryIsHandedOn() {
        serverSends("@time=2026-01-01T00:00:00.000Z;msgid=a :store1!~u@h PRIVMSG #store-0 :1 0 5 xxx\r\n"
                + ":store1!~u@h PRIVMSG #store-0 :1 1 5 xxx\r\n"
                + "@time=2026-01-01T00:00:00.000Z;batch=b1;msgid=c :store1!~u@h PRIVMSG #store-0 :1 2 5 xxx\r\n"
                + "PING :srv\r\n");
        assertThat(client.unbatchedPrivmsgs).isEqualTo(2);
        assertThat(handed).hasSize(1);
        assertThat(handed.get(0).tags()).containsEntry("batch", "b1").containsEntry("msgid", "c");
        assertThat(sent()).endsWith("PONG :srv\r\n");
    }
}

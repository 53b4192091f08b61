package dev.chatroom.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.log.Event;
import dev.chatroom.log.EventSink;
import dev.chatroom.server.DisconnectReason;
import dev.chatroom.server.Stats;
import dev.chatroom.testing.ManualClock;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A listener's accept failures, with embedded channels for the listener and the connections it accepts. */
class AcceptGuardTest {
    private static final IOException EMFILE = new IOException("accept(..) failed: Too many open files");

    private final ManualClock clock = new ManualClock();
    private final List<Event> events = new ArrayList<>();
    private final Stats stats = new Stats(0);
    private final AcceptGuard guard = new AcceptGuard(clock, recording(events), stats);
    private final EmbeddedChannel listener = new EmbeddedChannel(guard);

    @AfterEach
    void closeGuard() {
        guard.close();
        listener.finishAndReleaseAll();
    }

    @Test
    void outOfDescriptorsTheReserveLetsOneMoreInToBeToldTheServerIsFull() {
        assertThat(guard.refused(new EmbeddedChannel(), true)).isFalse();

        listener.pipeline().fireExceptionCaught(EMFILE);
        assertThat(listener.config().isAutoRead())
                .as("still accepting: the next accept takes the reserve")
                .isTrue();
        EmbeddedChannel refused = new EmbeddedChannel();
        assertThat(guard.refused(refused, true)).isTrue();
        assertThat(text(refused.readOutbound())).isEqualTo("ERROR :Closing link: the server is full\r\n");
        assertThat(refused.isOpen()).isFalse();
        assertThat(stats.disconnects()).containsEntry(DisconnectReason.SERVER_FULL, 1L);
        EmbeddedChannel handshaking = new EmbeddedChannel();
        assertThat(guard.refused(handshaking, false)).isTrue();
        assertThat((Object) handshaking.readOutbound())
                .as("a TLS client is closed without a word")
                .isNull();
        assertThat(handshaking.isOpen()).isFalse();

        listener.pipeline().fireExceptionCaught(EMFILE); // no reserve left: pause
        assertThat(listener.config().isAutoRead()).isFalse();
        clock.advance(Duration.ofMillis(1)); // the refused connections' descriptors are free
        assertThat(listener.config().isAutoRead()).isTrue();
        assertThat(guard.accepting()).isTrue();
        assertThat(guard.refused(new EmbeddedChannel(), true)).isFalse();
    }

    @Test
    void withNoConnectionClosingAcceptingResumesAfterASecond() {
        listener.pipeline().fireExceptionCaught(EMFILE);
        listener.pipeline().fireExceptionCaught(EMFILE);
        assertThat(listener.config().isAutoRead()).isFalse();
        clock.advance(Duration.ofMillis(999));
        assertThat(listener.config().isAutoRead()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(listener.config().isAutoRead()).isTrue();
        assertThat(guard.accepting()).as("the reserve is taken back").isTrue();
    }

    @Test
    void aClientLeavingEndsThePauseAtOnce() {
        EmbeddedChannel client = new EmbeddedChannel();
        assertThat(guard.refused(client, true)).isFalse();
        listener.pipeline().fireExceptionCaught(EMFILE);
        listener.pipeline().fireExceptionCaught(EMFILE);
        assertThat(listener.config().isAutoRead()).isFalse();
        client.close();
        clock.advance(Duration.ofMillis(1));
        assertThat(listener.config().isAutoRead()).isTrue();
        assertThat(guard.refused(new EmbeddedChannel(), true))
                .as("served: the reserve is back")
                .isFalse();
    }

    @Test
    void anotherAcceptFailurePausesWithoutRefusingAnyone() {
        listener.pipeline().fireExceptionCaught(new IOException("accept(..) failed: Cannot allocate memory"));
        assertThat(listener.config().isAutoRead()).isFalse();
        assertThat(guard.refused(new EmbeddedChannel(), true)).isFalse();
        assertThat(events)
                .singleElement()
                .satisfies(e -> assertThat(e.text())
                        .isEqualTo("Accepting a connection failed (accept(..) failed: Cannot allocate memory):"
                                + " pausing accepts for a second."));
        clock.advance(Duration.ofSeconds(1));
        assertThat(listener.config().isAutoRead()).isTrue();
    }

    @Test
    void theAdminIsToldAtMostOnceInTenSeconds() {
        for (int i = 0; i < 100; i++) listener.pipeline().fireExceptionCaught(EMFILE);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("descriptors_exhausted");
            assertThat(e.level()).isEqualTo(Event.Level.WARN);
            assertThat(e.text())
                    .matches("Too many open files \\(open-file limit \\d+\\): new connections are refused as full,"
                            + " and accepting pauses until one closes\\. Raise the limit \\(ulimit -n\\) to allow"
                            + " more\\.");
        });
        clock.advance(Duration.ofMillis(9_999));
        listener.pipeline().fireExceptionCaught(EMFILE);
        assertThat(events).hasSize(1);
        clock.advance(Duration.ofMillis(1));
        listener.pipeline().fireExceptionCaught(EMFILE);
        assertThat(events).hasSize(2);
    }

    private static String text(ByteBuf b) {
        try {
            return b.toString(StandardCharsets.UTF_8);
        } finally {
            b.release();
        }
    }

    private static EventSink recording(List<Event> events) {
        return new EventSink() {
            @Override
            public void event(String line) {
                event(Event.note(line));
            }

            @Override
            public void event(Event e) {
                events.add(e);
            }
        };
    }
}

package dev.chatroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An observer against a scripted server: it joins every room and counts each sender's messages once, in order. */
class SoakObserverTest {
    private final SoakLedger ledger = new SoakLedger(List.of("#soak-0", "#soak-1"), List.of("obs0", "obs1"));
    private final long start = System.nanoTime();
    private int ready;
    private final SoakObserver observer =
            new SoakObserver("obs0", null, List.of("#soak-0", "#soak-1"), ledger, 3, start, () -> ready++);
    private final EmbeddedChannel ch = new EmbeddedChannel(observer);

    @AfterEach
    void finish() {
        ch.finishAndReleaseAll();
    }

    private void serverSends(String... lines) {
        for (String l : lines) ch.writeInbound(Unpooled.copiedBuffer(l + "\r\n", StandardCharsets.UTF_8));
    }

    private List<String> sent() {
        List<String> out = new ArrayList<>();
        ByteBuf b;
        while ((b = ch.readOutbound()) != null) {
            out.add(b.toString(StandardCharsets.UTF_8).strip());
            b.release();
        }
        return out;
    }

    private String message(String target, int sender, long seq, long nanos) {
        return ":soak" + sender + "-1!u@h " + Payload.line(target, sender, seq, nanos, 60);
    }

    @Test
    void joinsEveryRoomAndIsReadyOnceInAll() {
        serverSends(":srv 001 obs0 :Welcome");
        assertThat(sent()).contains("JOIN #soak-0,#soak-1");
        serverSends(":srv 366 obs0 #chatroom :End", ":srv 366 obs0 #soak-0 :End");
        assertThat(ready).isZero();
        serverSends(":srv 366 obs0 #soak-1 :End");
        assertThat(ready).isEqualTo(1);
    }

    @Test
    void countsRoomAndOwnPrivateMessagesEachOnce() {
        serverSends(
                message("#soak-0", 1, 0, start + 1),
                message("#soak-0", 2, 0, start + 1),
                message("#soak-1", 1, 1, start + 1),
                message("obs0", 1, 2, start + 1));
        assertThat(observer.received).containsExactly(2, 1, 1, 0);
        assertThat(observer.hears(ledger.target("obs0"))).isTrue();
        assertThat(observer.hears(ledger.target("obs1"))).isFalse();
    }

    @Test
    void aRepeatOrAnOutOfOrderMessageIsADuplicate() {
        serverSends(
                message("#soak-0", 1, 5, start + 1),
                message("#soak-0", 1, 5, start + 1),
                message("#soak-0", 1, 4, start + 1));
        assertThat(observer.received[0]).isEqualTo(1);
        assertThat(observer.duplicates).isEqualTo(2);
        assertThat(ledger.duplicates).isEqualTo(2);
        assertThat(ledger.errors).isZero();
    }

    @Test
    void messagesFromBeforeTheRunAreNotCounted() {
        serverSends(message("#soak-0", 1, 9, start - 1)); // replayed history of an earlier run
        assertThat(observer.received[0]).isZero();
        assertThat(observer.duplicates).isZero();
    }

    @Test
    void anErrorFromTheServerCounts() {
        serverSends(":srv 404 obs0 #soak-0 :Cannot send to channel", "ERROR :Closing link");
        assertThat(ledger.errors).isEqualTo(2);
        assertThat(ledger.firstProblems).first().asString().startsWith("obs0: ");
    }
}

package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the client tells the server it read: what was on screen, at most once per interval, at once on switching. */
class MarkReadTest {
    private static final Instant T = Instant.parse("2026-11-24T10:02:33.250Z");

    private final HistoryMarks marks = new HistoryMarks();
    private final List<String> sent = new ArrayList<>();
    private final List<Runnable> later = new ArrayList<>();
    private long now = 1_000_000;
    private boolean connected = true;
    private final MarkRead read = new MarkRead(
            marks,
            (target, upTo) -> connected && sent.add(target + " " + upTo),
            () -> now,
            (task, delay) -> later.add(() -> {
                now += delay;
                task.run();
            }));

    private ClientEvent.Chat said(String room, Instant at) {
        marks.live(room, null, at);
        return new ClientEvent.Chat(at, "bob", room, null, "hi", false, false);
    }

    private void runLater() {
        List<Runnable> due = List.copyOf(later);
        later.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void theNewestShownGoesOutOncePerIntervalAndOthersRoomsWait() {
        ChatClient none = new ChatClient("127.0.0.1", 1, null, e -> {});
        read.shown(said("#chatroom", T), "#chatroom", none);
        assertThat(sent).containsExactly("#chatroom " + T);
        read.shown(said("#chatroom", T.plusSeconds(1)), "#chatroom", none);
        read.shown(said("#chatroom", T.plusSeconds(2)), "#chatroom", none);
        read.shown(said("#side", T.plusSeconds(3)), "#chatroom", none); // not on screen: not read
        assertThat(sent).hasSize(1);
        assertThat(later).hasSize(1); // one send waits for the interval, with the newest
        runLater();
        assertThat(sent).containsExactly("#chatroom " + T, "#chatroom " + T.plusSeconds(2));

        read.switched("#chatroom", "#side"); // at once, for the room on screen now
        assertThat(sent).last().isEqualTo("#side " + T.plusSeconds(3));
        read.switched("#side", "#chatroom"); // nothing new in either
        assertThat(sent).hasSize(3);
    }

    @Test
    void nothingTheServerAlreadyHasIsSentAndWhatCouldNotGoGoesOnceBackIn() {
        ChatClient none = new ChatClient("127.0.0.1", 1, null, e -> {});
        read.shown(new ClientEvent.ReadMarker("#chatroom", T.plusSeconds(10)), "#chatroom", none); // another device
        read.shown(said("#chatroom", T), "#chatroom", none);
        assertThat(sent).isEmpty();

        connected = false;
        read.shown(said("#chatroom", T.plusSeconds(20)), "#chatroom", none);
        assertThat(sent).isEmpty();
        connected = true;
        read.shown(new ClientEvent.Welcome("alice", "#chatroom", List.of()), "#chatroom", none);
        assertThat(sent).containsExactly("#chatroom " + T.plusSeconds(20));
    }

    @Test
    void privateMessagesAreReadWhenShownAndLeavingARoomSendsAtOnce() {
        ChatClient none = new ChatClient("127.0.0.1", 1, null, e -> {});
        marks.live("bob", null, T);
        read.shown(new ClientEvent.Chat(T, "bob", null, "alice", "psst", false, false), "#chatroom", none);
        assertThat(sent).containsExactly("bob " + T);

        read.shown(said("#chatroom", T), "#chatroom", none);
        read.shown(said("#chatroom", T.plusSeconds(1)), "#chatroom", none);
        read.shown(new ClientEvent.Parted("#chatroom"), "#chatroom", none);
        assertThat(sent).containsExactly("bob " + T, "#chatroom " + T, "#chatroom " + T.plusSeconds(1));
    }
}

package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unread counts of rooms not on screen: live messages, history after the read marker, less what a marker covers. */
class UnreadTest {
    private static final Instant T = Instant.parse("2026-11-24T10:02:33Z");

    private static ClientEvent.Chat said(String room, int second) {
        return new ClientEvent.Chat(T.plusSeconds(second), "bob", room, null, "hi", false, false);
    }

    @Test
    void aMarkerFromAnotherDeviceTakesAwayWhatItCovers() {
        SessionState state = new SessionState(() -> {});
        state.current("#chatroom");
        for (int s = 1; s <= 3; s++) state.seen(said("#side", s), null);
        state.seen(said("#chatroom", 4), null); // on screen: read
        assertThat(state.unread("#side")).isEqualTo(3);
        assertThat(state.unread("#chatroom")).isZero();

        state.seen(new ClientEvent.ReadMarker("#SIDE", T.plusSeconds(2)), null);
        assertThat(state.unread("#side")).isEqualTo(1);
        state.seen(new ClientEvent.ReadMarker("#side", null), null); // "*": nothing
        assertThat(state.unread("#side")).isEqualTo(1);
        state.current("#side");
        assertThat(state.unread("#side")).isZero();
    }

    @Test
    void historyAfterTheMarkerIsUnreadUnlessItIsOnScreenOrThereIsNoMarker() {
        SessionState state = new SessionState(() -> {});
        state.current("#chatroom");
        List<ClientEvent.Chat> three = List.of(said("#side", 1), said("#side", 2), said("#side", 3));
        state.seen(new ClientEvent.History("#side", ClientEvent.HistoryKind.MISSED, three, T.plusSeconds(1)), null);
        assertThat(state.unread("#side")).isEqualTo(2);
        state.seen(new ClientEvent.History("#other", ClientEvent.HistoryKind.JOINED, three), null);
        assertThat(state.unread("#other")).isZero();
        state.seen(new ClientEvent.History("#chatroom", ClientEvent.HistoryKind.MISSED, three, T), null);
        assertThat(state.unread("#chatroom")).isZero();
    }
}

package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Who the status line says is typing: until done, a message of theirs, leaving, or 6 s without an active. */
class TypistsTest {
    private long now = 5_000_000;
    private final Typists typists = new Typists(() -> now, () -> {});

    private static ClientEvent.Typing typing(String from, String where, String state) {
        return new ClientEvent.Typing(from, where, state);
    }

    private static ClientEvent.Chat said(String from, String room) {
        return new ClientEvent.Chat(Instant.now(), from, room, room == null ? "alice" : null, "hi", false, false);
    }

    @Test
    void shownForSixSecondsAfterTheLastActive() {
        typists.seen(typing("bob", "#chatroom", "active"));
        assertThat(typists.text("#chatroom")).isEqualTo("bob is typing…");
        now += 5_999;
        assertThat(typists.text("#CHATROOM")).isEqualTo("bob is typing…");
        typists.seen(typing("bob", "#chatroom", "active"));
        now += 5_999;
        assertThat(typists.text("#chatroom")).isEqualTo("bob is typing…");
        now += 1;
        assertThat(typists.text("#chatroom")).isNull();
    }

    @Test
    void goneAfterDonePausedOrAMessageOrLeaving() {
        typists.seen(typing("bob", "#chatroom", "active"));
        typists.seen(typing("carol", "#chatroom", "active"));
        typists.seen(typing("dave", "#chatroom", "active"));
        assertThat(typists.text("#chatroom")).isEqualTo("3 people are typing…");
        typists.seen(typing("BOB", "#chatroom", "done"));
        assertThat(typists.text("#chatroom")).isEqualTo("carol and dave are typing…");
        typists.seen(said("carol", "#chatroom"));
        assertThat(typists.text("#chatroom")).isEqualTo("dave is typing…");
        typists.seen(typing("bob", "#chatroom", "active"));
        typists.seen(typing("bob", "#chatroom", "paused"));
        typists.seen(new ClientEvent.Left(Instant.now(), "dave", null, "bye"));
        assertThat(typists.text("#chatroom")).isNull();
    }

    @Test
    void theRoomOnScreenAndPrivateConversationsOnly() {
        typists.seen(typing("bob", "#dev", "active"));
        typists.seen(typing("carol", "carol", "active"));
        assertThat(typists.text("#chatroom")).isEqualTo("carol is typing…");
        assertThat(typists.text("#dev")).isEqualTo("bob and carol are typing…");
        typists.seen(said("carol", null));
        assertThat(typists.text("#dev")).isEqualTo("bob is typing…");
    }

    @Test
    void namesAreCleanedAndNothingIsShownWhenOff() {
        typists.seen(typing("bob\u001b[2J", "#chatroom", "active"));
        assertThat(typists.text("#chatroom")).isEqualTo("bob is typing…");
        typists.off();
        typists.seen(typing("carol", "carol", "active"));
        assertThat(typists.text("#chatroom")).isEqualTo("bob is typing…");
    }
}

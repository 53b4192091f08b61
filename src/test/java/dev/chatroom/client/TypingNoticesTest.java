package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our +typing: at most one active per 3 s for a target, done when the line is cleared, sent or becomes a command. */
class TypingNoticesTest {
    private long now = 1_000_000;
    private String room = "#chatroom";
    private final List<String> sent = new ArrayList<>();
    private final TypingNotices typing =
            new TypingNotices(() -> now, (target, state) -> sent.add(target + " " + state), () -> room);

    @Test
    void activeAtMostEveryThreeSecondsWhileTyping() {
        typing.typed("h");
        typing.typed("he");
        now += 2_999;
        typing.typed("hel");
        assertThat(sent).containsExactly("#chatroom active");
        now += 1;
        typing.typed("hell");
        assertThat(sent).containsExactly("#chatroom active", "#chatroom active");
    }

    @Test
    void doneWhenTheLineIsClearedOrSentAndOnlyThen() {
        typing.typed("hi");
        typing.typed("");
        typing.typed("");
        assertThat(sent).containsExactly("#chatroom active", "#chatroom done");
        now += 3_000;
        typing.typed("again");
        typing.sent();
        typing.sent();
        assertThat(sent).containsExactly("#chatroom active", "#chatroom done", "#chatroom active", "#chatroom done");
    }

    @Test
    void afterDoneTheNextActiveStillWaitsItsThreeSeconds() {
        typing.typed("hi");
        typing.sent();
        now += 1_000;
        typing.typed("more");
        now += 2_000;
        typing.typed("more!");
        assertThat(sent).containsExactly("#chatroom active", "#chatroom done", "#chatroom active");
    }

    @Test
    void aPrivateMessageIsTypingToThatPersonACommandToNobody() {
        typing.typed("/msg bob");
        assertThat(sent).isEmpty();
        typing.typed("/msg bob h");
        typing.typed("/join #dev");
        typing.typed("/me waves");
        room = "#dev";
        typing.typed("/me waves!");
        assertThat(sent).containsExactly("bob active", "bob done", "#chatroom active", "#chatroom done", "#dev active");
    }

    @Test
    void whomALineIsFor() {
        assertThat(TypingNotices.targetOf("hello", "#a")).isEqualTo("#a");
        assertThat(TypingNotices.targetOf("//not a command", "#a")).isEqualTo("#a");
        assertThat(TypingNotices.targetOf("/reply 2 ok", "#a")).isEqualTo("#a");
        assertThat(TypingNotices.targetOf("/PRIVATE carol hey", "#a")).isEqualTo("carol");
        assertThat(TypingNotices.targetOf("/register secret", "#a")).isNull();
        assertThat(TypingNotices.targetOf("   ", "#a")).isNull();
    }
}

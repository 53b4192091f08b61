package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which pastes are one message, and where it goes: the first line decides, the others are text. */
class PastedMessageTest {
    @Test
    void textPrivateColorAndReplyTakeTheLinesAsOneMessage() {
        assertThat(PastedMessage.of(List.of("hello", "", "/usr/bin is text here")))
                .isEqualTo(new Action.Send(null, "hello\n\n/usr/bin is text here", false));
        assertThat(PastedMessage.of(List.of("/msg bob psst", "over here")))
                .isEqualTo(new Action.Send("bob", "psst\nover here", false));
        assertThat(PastedMessage.of(List.of("/color red alarm", "", "still red")))
                .isEqualTo(new Action.Send(null, "\u000304alarm\u000f\n\n\u000304still red\u000f", false));
        assertThat(PastedMessage.of(List.of("/reply 2 yes", "at noon"))).isEqualTo(new Action.Reply(2, "yes\nat noon"));
    }

    @Test
    void anActionOrAnotherCommandGoesLineByLineAndAWrongFirstLineSendsNothing() {
        assertThat(PastedMessage.of(List.of("/me waves", "hello"))).isNull();
        assertThat(PastedMessage.of(List.of("/join #dev", "hello"))).isNull();
        assertThat(PastedMessage.of(List.of("/color nocolor x", "y"))).isInstanceOf(Action.Problem.class);
    }
}

package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.irc.Message;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Standard replies the client acts on by their code, never by their text. */
class ServerNotesTest {
    @Test
    void aChangeThatNeedsTheCurrentPasswordSaysHowToGiveIt() {
        List<ClientEvent> events = new ArrayList<>();
        ClientEvent.Ending ending = new ServerNotes()
                .standardReply(
                        Message.parse(":chatroom FAIL SETPASS NEED_CURRENT_PASSWORD alice :whatever the server says"),
                        events::add);
        assertThat(ending).isNull();
        assertThat(events)
                .containsExactly(
                        new ClientEvent.Problem("Your current password is needed too: /passwd alone asks for it."));
    }
}

package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.irc.Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SASL responses as the client sends them. */
class LoginTest {
    final List<String> sent = new ArrayList<>();
    final Login login = new Login(sent::add);

    @Test
    void plainIsOneBase64Response() {
        login.withPassword(null, "correct-horse");
        login.start("alice");
        login.onAuthenticate(Message.parse("AUTHENTICATE +"));
        assertThat(sent)
                .containsExactly(
                        "AUTHENTICATE PLAIN",
                        "AUTHENTICATE "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                "alice\0alice\0correct-horse".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aResponseOfExactlyFourHundredIsFollowedByAPlus() {
        // "a\0a\0" + 296 bytes = 300 bytes = 400 base64 characters
        login.withPassword("a", "x".repeat(296));
        login.start("a");
        login.onAuthenticate(Message.parse("AUTHENTICATE +"));
        assertThat(sent).hasSize(3);
        assertThat(sent.get(1)).hasSize("AUTHENTICATE ".length() + 400);
        assertThat(sent.get(2)).isEqualTo("AUTHENTICATE +");
    }

    @Test
    void externalAnswersWithAnEmptyResponse() {
        login.withCertificate(null);
        login.start("alice");
        login.onAuthenticate(Message.parse("AUTHENTICATE +"));
        assertThat(sent).containsExactly("AUTHENTICATE EXTERNAL", "AUTHENTICATE +");
    }
}

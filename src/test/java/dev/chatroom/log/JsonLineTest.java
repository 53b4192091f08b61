package dev.chatroom.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatroom.irc.Sanitizer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON form of an event, read back by a real JSON parser. */
class JsonLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-12-05T10:15:30.250Z");

    @Test
    void anEventIsOneObjectWithTimeLevelNameFieldsInOrderAndItsSentence() throws Exception {
        Event e = Event.warn("login_failed", "Failed login to account bob from 10.0.0.7")
                .nick("mallory")
                .account("bob")
                .address("10.0.0.7")
                .with("failures_from_address", 3)
                .with("absent", null);
        String line = LogFormat.JSON.line(e, AT);
        JsonNode n = JSON.readTree(line);
        assertThat(names(n))
                .containsExactly(
                        "time", "level", "event", "nick", "account", "address", "failures_from_address", "msg");
        assertThat(n.get("time").asText()).isEqualTo("2026-12-05T10:15:30.250Z");
        assertThat(n.get("level").asText()).isEqualTo("warn");
        assertThat(n.get("event").asText()).isEqualTo("login_failed");
        assertThat(n.get("failures_from_address").isInt()).isTrue();
        assertThat(n.get("failures_from_address").asInt()).isEqualTo(3);
        assertThat(n.get("msg").asText()).isEqualTo("Failed login to account bob from 10.0.0.7");
        assertThat(line).doesNotContain("\n");
    }

    @Test
    void whatClientsSendIsEscapedSoEveryLineParsesAndNoneCanDriveATerminal() throws Exception {
        String hostile = "say \"hi\" \\ back\nsecond line\r\t\u0000\u0007"
                + "\u001b[31mred\u001b]0;title\u0007\u009b2J\u0085" // escape sequences, C1 controls
                + "\u2028\u2029\u202eevil\u2066\u200f\u061c" // separators, bidirectional controls
                + "\u0002bold\u0003" + "4colour" // mIRC formatting
                + " caf\u00e9 \ud83d\ude00"; // accents and an emoji (a surrogate pair) stay as they are
        String line = LogFormat.JSON.line(Event.info("left", hostile).with("detail", hostile), AT);

        JsonNode n = JSON.readTree(line);
        assertThat(n.get("detail").asText()).isEqualTo(hostile);
        assertThat(n.get("msg").asText()).isEqualTo(hostile);
        assertThat(line.chars().filter(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f)))
                .isEmpty();
        assertThat(line).doesNotContain("\u2028", "\u2029", "\u202e", "\u2066", "\u200f", "\u061c");
        assertThat(line).contains("caf\u00e9 \ud83d\ude00");
        assertThat(Sanitizer.forTerminal(line))
                .as("the console prints the line as it is")
                .isEqualTo(line);
    }

    @Test
    void aLoneSurrogateIsNoCharacterAndBecomesTheReplacementCharacter() throws Exception {
        String broken = "a\ud800b\udc00c" + "\ud83d"; // halves of pairs, alone, and one at the very end
        String line = LogFormat.JSON.line(Event.info("note", broken), AT);
        byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
        assertThat(new String(utf8, StandardCharsets.UTF_8)).isEqualTo(line); // it encodes to valid UTF-8
        assertThat(JSON.readTree(utf8).get("msg").asText()).isEqualTo("a\ufffdb\ufffdc\ufffd");
    }

    @Test
    void theFormatsOwnKeysCannotBeTakenByAField() {
        assertThatThrownBy(() -> Event.info("x", "y").with("time", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Event.info("x", "y").with("msg", "z")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTextFormatIsTheSentenceAfterATimestampStrippedOfEscapes() {
        String line = LogFormat.TEXT.line(Event.info("left", "* bob left the chat (\u001b[2Jbye\u0007)"), AT);
        assertThat(line).isEqualTo("2026-12-05T10:15:30.250Z * bob left the chat (bye)");
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) out.add(it.next());
        return out;
    }
}

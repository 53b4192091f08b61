package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitterTest {
    @Test
    void shortTextIsOnePiece() {
        assertThat(Splitter.split("hello", 100)).containsExactly("hello");
    }

    @Test
    void longTextIsCutAtSpacesWithinTheLimit() {
        String text = "word ".repeat(100).strip();
        List<String> parts = Splitter.split(text, 60);
        assertThat(parts)
                .allMatch(p -> p.getBytes(StandardCharsets.UTF_8).length <= 60)
                .allMatch(p -> !p.startsWith(" "));
        assertThat(String.join(" ", parts)).isEqualTo(text);
    }

    @Test
    void neverCutsInsideACharacter() {
        String text = "😀".repeat(50);
        List<String> parts = Splitter.split(text, 10);
        assertThat(parts).allMatch(p -> p.getBytes(StandardCharsets.UTF_8).length <= 10);
        assertThat(String.join("", parts)).isEqualTo(text);
    }
}

package dev.chatroom.irc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CasemappingTest {
    @ParameterizedTest
    @CsvSource({
        "Alice, alice",
        "ALICE[1], alice{1}",
        "x\\y, x|y",
        "a~b, a^b",
        "already_lower, already_lower",
        "#ChatRoom, #chatroom"
    })
    void foldsAsciiLettersAndRfc1459Specials(String in, String folded) {
        assertThat(Casemapping.fold(in)).isEqualTo(folded);
    }

    @ParameterizedTest
    @CsvSource({"Bob, bOB", "[x], {X}", "a\\, A|"})
    void equalIgnoringCase(String a, String b) {
        assertThat(Casemapping.equals(a, b)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"ÄB, äb"})
    void nonAsciiIsNotFolded(String a, String b) {
        assertThat(Casemapping.equals(a, b)).isFalse();
    }
}

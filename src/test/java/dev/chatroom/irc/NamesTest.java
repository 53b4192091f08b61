package dev.chatroom.irc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "alice",
                "Bob",
                "a",
                "x1",
                "_under",
                "[brackets]",
                "back\\slash",
                "pipe|",
                "cur{ly}",
                "hat^",
                "tick`",
                "dash-ed",
                "abcdefghijklmnopqrstuvwxyz1234"
            })
    void validNicks(String nick) {
        assertThat(Names.isValidNick(nick)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "1abc",
                "-abc",
                "has space",
                "semi;colon",
                "at@",
                "bang!",
                "comma,",
                "#chan",
                "colon:",
                "ümlaut",
                "emoji😀",
                "abcdefghijklmnopqrstuvwxyz12345",
                "tab\t",
                "esc\u001b[31m"
            })
    void invalidNicks(String nick) {
        assertThat(Names.isValidNick(nick)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"#chatroom", "#a", "#with-dash", "#ünïcode", "#x.y"})
    void validChannels(String name) {
        assertThat(Names.isValidChannel(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"#", "chatroom", "#has space", "#comma,", "#bell\u0007", "#colon:", "&local"})
    void invalidChannels(String name) {
        assertThat(Names.isValidChannel(name)).isFalse();
    }

    @Test
    void channelNamesAreLimitedTo50() {
        assertThat(Names.isValidChannel("#" + "a".repeat(49))).isTrue();
        assertThat(Names.isValidChannel("#" + "a".repeat(50))).isFalse();
    }

    @Test
    void usernamesAreCleanedAndCut() {
        assertThat(Names.cleanUser("alice")).isEqualTo("alice");
        assertThat(Names.cleanUser("a@b!c d")).isEqualTo("abcd");
        assertThat(Names.cleanUser("verylongusername")).isEqualTo("verylongus");
        assertThat(Names.cleanUser("@@@")).isEqualTo("user");
    }
}

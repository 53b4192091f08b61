package dev.chatroom.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTest {
    @Test
    void parsesPrefixCommandMiddleAndTrailing() {
        Message m = Message.parse(":alice!~a@127.0.0.1 PRIVMSG #chatroom :hello there");
        assertThat(m.prefix()).isEqualTo("alice!~a@127.0.0.1");
        assertThat(m.sourceNick()).isEqualTo("alice");
        assertThat(m.command()).isEqualTo("PRIVMSG");
        assertThat(m.params()).containsExactly("#chatroom", "hello there");
    }

    @Test
    void commandIsUpperCasedAndExtraSpacesAreSkipped() {
        Message m = Message.parse("privmsg   bob    :  spaced  text ");
        assertThat(m.command()).isEqualTo("PRIVMSG");
        assertThat(m.params()).containsExactly("bob", "  spaced  text ");
    }

    @Test
    void trailingMayBeEmptyOrStartWithColon() {
        assertThat(Message.parse("TOPIC #a :").params()).containsExactly("#a", "");
        assertThat(Message.parse("PRIVMSG #a ::-)").params()).containsExactly("#a", ":-)");
    }

    @Test
    void noParams() {
        Message m = Message.parse("QUIT");
        assertThat(m.params()).isEmpty();
        assertThat(m.param(0)).isNull();
    }

    @Test
    void rejectsLinesWithoutCommandOrWithForbiddenCharacters() {
        assertThatThrownBy(() -> Message.parse(":onlyprefix")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Message.parse("PRIVMSG a :x\u0000y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Message.parse("PRIVMSG a :x\ry")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesTagsWithEscapes() {
        Message m =
                Message.parse("@time=2026-11-24T10:00:00.000Z;+draft/reply=a\\sb\\:c\\\\d\\r\\n;flag :srv NOTICE x :y");
        assertThat(m.tags())
                .containsEntry("time", "2026-11-24T10:00:00.000Z")
                .containsEntry("+draft/reply", "a b;c\\d\r\n")
                .containsEntry("flag", "");
        assertThat(m.prefix()).isEqualTo("srv");
    }

    @Test
    void unknownEscapesYieldTheCharacterAndALoneTrailingBackslashIsDropped() {
        assertThat(Message.unescapeTagValue("a\\bc\\")).isEqualTo("abc");
    }

    @Test
    void formatsTagsWithEscapesAndRoundTrips() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("+x", "semi;space \\ cr\r lf\n");
        tags.put("empty", "");
        Message m = Message.trailing("srv", "PRIVMSG", "#a", "hi").withTags(tags);
        String line = m.toString();
        assertThat(line).isEqualTo("@+x=semi\\:space\\s\\\\\\scr\\r\\slf\\n;empty :srv PRIVMSG #a :hi");
        assertThat(Message.parse(line).tags()).isEqualTo(tags);
        StringBuilder plain = new StringBuilder();
        m.appendWithoutTags(plain);
        assertThat(plain).hasToString(":srv PRIVMSG #a :hi");
    }

    @Test
    void formatsTrailingOnlyWhenNeededUnlessForced() {
        assertThat(Message.of("n!u@h", "JOIN", "#a").toString()).isEqualTo(":n!u@h JOIN #a");
        assertThat(Message.of(null, "PRIVMSG", "#a", "two words").toString()).isEqualTo("PRIVMSG #a :two words");
        assertThat(Message.of(null, "PRIVMSG", "#a", ":x").toString()).isEqualTo("PRIVMSG #a ::x");
        assertThat(Message.of(null, "TOPIC", "#a", "").toString()).isEqualTo("TOPIC #a :");
        assertThat(Message.trailing("srv", "PONG", "srv", "tok").toString()).isEqualTo(":srv PONG srv :tok");
    }

    @Test
    void refusesParametersThatCannotBeEncoded() {
        assertThatThrownBy(() -> Message.of(null, "PRIVMSG", "two words", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Message.of(null, "PRIVMSG", "a", "x\r\ny"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Message.of(null, "PRIVMSG", "", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundTripsManyShapes() {
        for (String line : List.of(
                ":srv 001 alice :Welcome to the chatroom IRC Network, alice!~a@h",
                "PING :token with spaces",
                "CAP REQ :echo-message server-time",
                ":a!b@c QUIT :left the chat",
                "USER alice 0 * :Alice Liddell")) {
            assertThat(Message.parse(line).toString()).isEqualTo(line);
        }
    }

    @Test
    void keepsMircFormattingBytesInText() {
        String text = "\u000304red\u000F \u0002bold\u0002 \u001Ditalic\u001D";
        assertThat(Message.parse("PRIVMSG #a :" + text).param(1)).isEqualTo(text);
    }
}

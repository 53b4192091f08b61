package dev.chatroom.irc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SanitizerTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "clear screen | 'a\u001b[2Jb' | 'ab'",
                "cursor move | 'a\u001b[10;20Hb' | 'ab'",
                "sgr color | '\u001b[31mred\u001b[0m' | 'red'",
                "private mode | 'x\u001b[?1049hy' | 'xy'",
                "osc title bel | '\u001b]0;pwned\u0007text' | 'text'",
                "osc clipboard st | '\u001b]52;c;ZXZpbA==\u001b\\ok' | 'ok'",
                "dcs | '\u001bPq#0;2;0;0;0\u001b\\ok' | 'ok'",
                "two-char escape | 'a\u001bcb' | 'ab'",
                "charset escape | 'a\u001b(0b' | 'ab'",
                "8-bit csi | 'a\u009b2Jb' | 'ab'",
                "8-bit osc | 'a\u009d0;t\u0007b' | 'ab'",
                "lone esc at end | 'abc\u001b' | 'abc'",
                "bell backspace | 'a\u0007\u0008b' | 'ab'",
                "cr lf vt ff | 'a\r\n\u000b\u000cb' | 'ab'",
                "del and c1 | 'a\u007f\u0085\u0091b' | 'ab'",
                "bidi override | 'abc\u202edcba\u202c' | 'abcdcba'",
                "bidi isolate | 'x\u2066y\u2069' | 'xy'",
                "rtl mark | 'x\u200fy' | 'xy'",
                "tab becomes space | 'a\tb' | 'a b'",
            })
    void removesWhatCouldControlTheTerminal(String name, String in, String out) {
        assertThat(Sanitizer.clean(in)).isEqualTo(out);
    }

    @Test
    void keepsMircFormattingForTheRenderer() {
        String mirc = "\u000304,01red\u000F \u0002b\u0002 \u001Di\u001D \u001Fu\u001F \u0016r\u0016 \u001Es\u001E";
        assertThat(Sanitizer.clean(mirc)).isEqualTo(mirc);
    }

    @Test
    void keepsUnicodeAndEmoji() {
        String text = "héllo 日本語 😀 👩‍👩‍👧 🇫🇷 Ελληνικά עברית";
        assertThat(Sanitizer.clean(text)).isEqualTo(text);
    }
}

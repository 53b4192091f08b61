package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact bytes of an alert, for the terminals known by their environment, and what they may carry. */
class TerminalAlertTest {
    private static final Notifications.Alert PSST = new Notifications.Alert("bob (private)", "psst");

    private static TerminalAlert.Style styleOf(String... env) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < env.length; i += 2) m.put(env[i], env[i + 1]);
        return TerminalAlert.forEnvironment(m).style();
    }

    @Test
    void theTerminalIsKnownByItsEnvironment() {
        assertThat(styleOf("TERM", "xterm-256color")).isEqualTo(TerminalAlert.Style.BELL);
        assertThat(styleOf("TERM", "xterm-256color", "VTE_VERSION", "7600")).isEqualTo(TerminalAlert.Style.OSC_777);
        assertThat(styleOf("TERM", "rxvt-unicode-256color")).isEqualTo(TerminalAlert.Style.OSC_777);
        assertThat(styleOf("TERM", "foot")).isEqualTo(TerminalAlert.Style.OSC_777);
        assertThat(styleOf("TERM", "xterm-ghostty")).isEqualTo(TerminalAlert.Style.OSC_777);
        assertThat(styleOf("TERM_PROGRAM", "WezTerm")).isEqualTo(TerminalAlert.Style.OSC_777);
        assertThat(styleOf("TERM_PROGRAM", "iTerm.app")).isEqualTo(TerminalAlert.Style.OSC_9);
        assertThat(styleOf("WT_SESSION", "0f1e")).isEqualTo(TerminalAlert.Style.OSC_9);
        assertThat(styleOf("TERM", "xterm-kitty")).isEqualTo(TerminalAlert.Style.OSC_9);
        // inside tmux: TERM and TERM_PROGRAM are tmux's, the outer terminal's own variables remain
        TerminalAlert inTmux = TerminalAlert.forEnvironment(Map.of(
                "TERM",
                "tmux-256color",
                "TERM_PROGRAM",
                "tmux",
                "TMUX",
                "/tmp/tmux-1000/default,1,0",
                "KITTY_WINDOW_ID",
                "1"));
        assertThat(inTmux).isEqualTo(new TerminalAlert(TerminalAlert.Style.OSC_9, true));
    }

    @Test
    void theBellThenTheNotification() {
        assertThat(TerminalAlert.BELL.bytes(PSST)).isEqualTo("\u0007");
        assertThat(new TerminalAlert(TerminalAlert.Style.OSC_777, false).bytes(PSST))
                .isEqualTo("\u0007\u001b]777;notify;bob (private);psst\u001b\\");
        assertThat(new TerminalAlert(TerminalAlert.Style.OSC_9, false).bytes(PSST))
                .isEqualTo("\u0007\u001b]9;bob (private): psst\u001b\\");
    }

    @Test
    void insideTmuxTheNotificationIsWrappedForTmuxToPassOnAndTheBellIsNot() {
        assertThat(new TerminalAlert(TerminalAlert.Style.OSC_777, true).bytes(PSST))
                .isEqualTo("\u0007\u001bPtmux;\u001b\u001b]777;notify;bob (private);psst\u001b\u001b\\\u001b\\");
        assertThat(new TerminalAlert(TerminalAlert.Style.BELL, true).bytes(PSST))
                .isEqualTo("\u0007");
    }

    @Test
    void aFieldCarriesNoEscapeControlCharacterOrSemicolon() {
        String hostile = "a\u001b\\b\u0007c\u009cd\u009d0;x\u0007e;f\u001b[31mg\rh\ni";
        String field = TerminalAlert.field(hostile);
        assertThat(field).isEqualTo("abcde,fgh i");
        assertThat(TerminalAlert.field("one; two;three")).isEqualTo("one, two,three");
        String bytes = new TerminalAlert(TerminalAlert.Style.OSC_777, false)
                .bytes(new Notifications.Alert("bob;x in #a", "hi \u001b\\\u001b]777;notify;fake;fake\u0007 there"));
        assertThat(bytes).isEqualTo("\u0007\u001b]777;notify;bob,x in #a;hi  there\u001b\\");
    }

    @Test
    void aLongFieldIsCut() {
        String field = TerminalAlert.field("x".repeat(500));
        assertThat(field).hasSize(TerminalAlert.MAX_FIELD).endsWith("\u2026");
        String emoji = TerminalAlert.field("\uD83D\uDE00".repeat(300)); // cut between characters, not in one
        assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(TerminalAlert.MAX_FIELD);
        assertThat(emoji).endsWith("\uD83D\uDE00\u2026");
    }
}

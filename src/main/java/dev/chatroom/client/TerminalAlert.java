package dev.chatroom.client;

import dev.chatroom.irc.Sanitizer;
import java.util.Map;

/**
 * The bytes that tell a terminal to call the user: the bell (BEL), then a desktop notification
 * where the terminal is known to show one: OSC 777 ({@code ESC ] 777 ; notify ; title ; body ESC \})
 * or OSC 9 ({@code ESC ] 9 ; text ESC \}). Inside tmux the notification is wrapped for tmux to
 * pass on ({@code ESC P tmux; ... ESC \}, every ESC inside doubled): tmux 3.3 drops an OSC 777 or 9
 * it is sent plainly, and passes the wrapped one with {@code set -g allow-passthrough on}; the
 * bell goes through either way.
 *
 * @param style the desktop notification the terminal shows, if any
 * @param viaTmux inside tmux: the notification wrapped
 */
public record TerminalAlert(Style style, boolean viaTmux) {
    public enum Style {
        /** The bell alone. */
        BELL,
        /** rxvt-unicode, foot, Ghostty, WezTerm, VTE (GNOME Terminal, Tilix, ...). */
        OSC_777,
        /** iTerm2, Windows Terminal, ConEmu, kitty. */
        OSC_9
    }

    /** The bell alone, not wrapped. */
    public static final TerminalAlert BELL = new TerminalAlert(Style.BELL, false);

    static final char BEL = '\u0007';
    private static final String ESC = "\u001b";
    private static final String ST = ESC + "\\";
    /** Longest title or body sent, in characters: a notification is a glance. */
    static final int MAX_FIELD = 200;

    /**
     * Decided from what terminals put in the environment of the programs they run. Inside tmux
     * TERM and TERM_PROGRAM are tmux's own; the outer terminal's own variables (VTE_VERSION,
     * KITTY_WINDOW_ID, ...) are inherited from where tmux was started.
     */
    public static TerminalAlert forEnvironment(Map<String, String> env) {
        String term = env.getOrDefault("TERM", "");
        String program = env.getOrDefault("TERM_PROGRAM", "");
        boolean tmux = !env.getOrDefault("TMUX", "").isEmpty();
        Style style;
        if (program.equals("iTerm.app")
                || "iTerm2".equals(env.get("LC_TERMINAL"))
                || env.containsKey("ITERM_SESSION_ID")
                || env.containsKey("WT_SESSION")
                || env.containsKey("ConEmuPID")
                || term.equals("xterm-kitty")
                || env.containsKey("KITTY_WINDOW_ID")) {
            style = Style.OSC_9;
        } else if (term.startsWith("rxvt-unicode")
                || term.startsWith("foot")
                || term.equals("xterm-ghostty")
                || program.equals("ghostty")
                || env.containsKey("GHOSTTY_RESOURCES_DIR")
                || program.equals("WezTerm")
                || env.containsKey("WEZTERM_PANE")
                || env.containsKey("VTE_VERSION")) {
            style = Style.OSC_777;
        } else {
            style = Style.BELL;
        }
        return new TerminalAlert(style, tmux);
    }

    /** BEL, then the notification (if any) for this alert. */
    public String bytes(Notifications.Alert alert) {
        String title = field(alert.title());
        String body = field(alert.body());
        String osc = switch (style) {
            case BELL -> "";
            case OSC_777 -> ESC + "]777;notify;" + title + ";" + body + ST;
            case OSC_9 -> ESC + "]9;" + title + ": " + body + ST;
        };
        if (viaTmux && !osc.isEmpty()) osc = ESC + "Ptmux;" + osc.replace(ESC, ESC + ESC) + ST;
        return BEL + osc;
    }

    /**
     * Text fit for a field of an OSC: no escape sequences or control characters (they would end
     * it or reach the terminal), no ';' (it separates the fields: a comma instead), at most
     * {@link #MAX_FIELD} characters.
     */
    static String field(String text) {
        String safe = Sanitizer.forTerminal(text).replace('\n', ' ').replace(';', ',');
        if (safe.codePointCount(0, safe.length()) <= MAX_FIELD) return safe;
        return safe.substring(0, safe.offsetByCodePoints(0, MAX_FIELD - 1)) + "\u2026";
    }
}

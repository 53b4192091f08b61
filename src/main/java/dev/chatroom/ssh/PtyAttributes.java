package dev.chatroom.ssh;

import java.util.EnumSet;
import java.util.Map;
import org.apache.sshd.common.channel.PtyMode;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.InputFlag;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Attributes.OutputFlag;

/** The terminal modes an ssh client's PTY request carries, as JLine's attributes (Ctrl-C, Enter, erase and echo as the user's own terminal has them). */
final class PtyAttributes {
    private PtyAttributes() {}

    static Attributes of(Map<PtyMode, Integer> modes) {
        Attributes a = new Attributes();
        // what a terminal does when the client sent no modes at all
        a.setLocalFlags(EnumSet.of(LocalFlag.ISIG, LocalFlag.ICANON, LocalFlag.ECHO, LocalFlag.IEXTEN), true);
        a.setInputFlags(EnumSet.of(InputFlag.ICRNL), true);
        a.setOutputFlags(EnumSet.of(OutputFlag.OPOST, OutputFlag.ONLCR), true);
        a.setControlChar(ControlChar.VINTR, 3);
        a.setControlChar(ControlChar.VEOF, 4);
        a.setControlChar(ControlChar.VERASE, 127);
        a.setControlChar(ControlChar.VKILL, 21);
        a.setControlChar(ControlChar.VWERASE, 23);
        a.setControlChar(ControlChar.VSUSP, 26);
        a.setControlChar(ControlChar.VQUIT, 28);
        for (Map.Entry<PtyMode, Integer> e : modes.entrySet()) {
            int v = e.getValue();
            switch (e.getKey()) {
                case VINTR -> a.setControlChar(ControlChar.VINTR, v);
                case VQUIT -> a.setControlChar(ControlChar.VQUIT, v);
                case VERASE -> a.setControlChar(ControlChar.VERASE, v);
                case VKILL -> a.setControlChar(ControlChar.VKILL, v);
                case VEOF -> a.setControlChar(ControlChar.VEOF, v);
                case VWERASE -> a.setControlChar(ControlChar.VWERASE, v);
                case VSUSP -> a.setControlChar(ControlChar.VSUSP, v);
                case ISIG -> a.setLocalFlag(LocalFlag.ISIG, v != 0);
                case ICANON -> a.setLocalFlag(LocalFlag.ICANON, v != 0);
                case ECHO -> a.setLocalFlag(LocalFlag.ECHO, v != 0);
                case IEXTEN -> a.setLocalFlag(LocalFlag.IEXTEN, v != 0);
                case ICRNL -> a.setInputFlag(InputFlag.ICRNL, v != 0);
                case INLCR -> a.setInputFlag(InputFlag.INLCR, v != 0);
                case IGNCR -> a.setInputFlag(InputFlag.IGNCR, v != 0);
                case IUTF8 -> a.setInputFlag(InputFlag.IUTF8, v != 0);
                case OPOST -> a.setOutputFlag(OutputFlag.OPOST, v != 0);
                case ONLCR -> a.setOutputFlag(OutputFlag.ONLCR, v != 0);
                default -> {} // the rest do not change how the chat reads keys or draws
            }
        }
        return a;
    }
}

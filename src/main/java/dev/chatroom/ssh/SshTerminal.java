package dev.chatroom.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.Signal;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** A JLine terminal on an ssh channel's streams, set up the way the ssh client's PTY request asked. */
final class SshTerminal {
    private SshTerminal() {}

    /** True when the client asked for a PTY (plain ssh); false for ssh -T and a command's pipes. */
    static boolean requested(Environment env) {
        return env.getEnv().containsKey(Environment.ENV_TERM)
                || !env.getPtyModes().isEmpty();
    }

    static Terminal open(Environment env, InputStream in, OutputStream out) throws IOException {
        Map<String, String> vars = env.getEnv();
        // ExternalTerminal (the "exec" provider on given streams): the line discipline in Java, no native PTY per
        // session
        Terminal t = TerminalBuilder.builder()
                .system(false)
                .provider("exec")
                .name("ssh")
                .type(vars.getOrDefault(Environment.ENV_TERM, "xterm-256color"))
                .encoding(StandardCharsets.UTF_8)
                .streams(in, out)
                .attributes(PtyAttributes.of(env.getPtyModes()))
                .size(size(vars))
                .build();
        env.addSignalListener(
                (channel, signal) -> {
                    t.setSize(size(env.getEnv()));
                    t.raise(Terminal.Signal.WINCH);
                },
                Signal.WINCH);
        return t;
    }

    private static Size size(Map<String, String> vars) {
        return new Size(number(vars.get(Environment.ENV_COLUMNS), 80), number(vars.get(Environment.ENV_LINES), 24));
    }

    private static int number(String s, int otherwise) {
        try {
            int n = Integer.parseInt(s);
            return n > 0 ? n : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}

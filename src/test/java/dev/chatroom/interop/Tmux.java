package dev.chatroom.interop;

import dev.chatroom.testing.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program in a detached tmux session: keys in with send-keys, the screen out with capture-pane.
 * Each session has a tmux server of its own (its own socket): a server shared by all exits, without
 * waiting, when its last session is killed, and a new-session that reaches it meanwhile fails with
 * "server exited unexpectedly".
 */
final class Tmux implements AutoCloseable {
    private final String session;
    private final Path socketDir;
    private final String socket;

    Tmux(String session, String command) throws IOException, InterruptedException {
        this.session = session;
        this.socketDir = Files.createTempDirectory("chatroom-tmux-");
        this.socket = socketDir.resolve("socket").toString();
        tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "50", command);
    }

    static boolean available(String tool) {
        try {
            Process p = new ProcessBuilder("sh", "-c", "command -v " + tool)
                    .redirectErrorStream(true)
                    .start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Types a line and Enter; the text is sent literally. */
    void typeLine(String text) throws IOException, InterruptedException {
        tmux("send-keys", "-t", session, "-l", text);
        tmux("send-keys", "-t", session, "Enter");
    }

    /** Pastes text as a terminal does, in bracketed-paste mode when the program asked for it. */
    void paste(String text) throws IOException, InterruptedException {
        tmux("set-buffer", "-b", session, text);
        tmux("paste-buffer", "-p", "-d", "-b", session, "-t", session);
    }

    /** Sends tmux key names (C-c, Enter, M-2, ...). */
    void keys(String... keys) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("send-keys", "-t", session));
        cmd.addAll(List.of(keys));
        tmux(cmd.toArray(new String[0]));
    }

    /** The window changes size, as when the user resizes their terminal. */
    void resize(int columns, int rows) throws IOException, InterruptedException {
        tmux("resize-window", "-t", session, "-x", Integer.toString(columns), "-y", Integer.toString(rows));
    }

    /** The visible screen, with escape sequences for colors when {@code escapes}. */
    String screen(boolean escapes) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("capture-pane", "-p", "-t", session, "-S", "-200"));
        if (escapes) cmd.add("-e");
        return tmux(cmd.toArray(new String[0]));
    }

    /** Sends bytes to the program as its terminal would (a focus report, say), each a hex number. */
    void bytes(String... hex) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("send-keys", "-t", session, "-H"));
        cmd.addAll(List.of(hex));
        tmux(cmd.toArray(new String[0]));
    }

    /** A tmux format expanded for this session's window: {@code #{window_bell_flag}}, say. */
    String format(String format) throws IOException, InterruptedException {
        return tmux("display-message", "-p", "-t", session, format).strip();
    }

    /**
     * The shell command that runs the built jar's client in the session: {@code chatroom join} to
     * 127.0.0.1 on port with these options, then its exit status as {@code EXITED:<status>}, and the
     * pane kept a minute so that the end can be read.
     */
    static String join(int port, String options) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Path.of(System.getProperty("chatroom.jar", "target/chatroom.jar"))
                .toAbsolutePath()
                .toString();
        return "TERM=xterm-256color " + java + " -jar " + jar + " join --host 127.0.0.1 --port " + port + " " + options
                + "; echo EXITED:$?; sleep 60";
    }

    /** Waits until the screen contains the text; returns the screen. */
    String await(String text, boolean escapes) throws IOException, InterruptedException {
        return Await.until(
                "'" + text + "' on the screen of tmux " + session,
                Duration.ofSeconds(20),
                () -> screen(escapes),
                s -> s.contains(text));
    }

    /** Waits until the text is on n lines of the screen; returns the screen. */
    String awaitLines(String text, int n, Duration within) throws IOException, InterruptedException {
        return Await.until(
                n + " lines with '" + text + "' on the screen of tmux " + session,
                within,
                () -> screen(false),
                s -> s.lines().filter(l -> l.contains(text)).count() >= n);
    }

    /** A tmux command to this session's own server. */
    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-S", socket));
        cmd.addAll(List.of(args));
        return run(cmd.toArray(new String[0]));
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0)
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        return out;
    }

    @Override
    public void close() {
        try {
            tmux("kill-server");
        } catch (IOException | InterruptedException ignored) {
            // already gone
        }
        try {
            Files.deleteIfExists(Path.of(socket)); // tmux leaves its socket behind
            Files.deleteIfExists(socketDir);
        } catch (IOException ignored) {
            // only a leftover in the temporary directory
        }
    }
}

package dev.chatroom.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.Await;
import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's notifications as the terminal gets them: the client runs in a tmux pane under
 * {@code script}, which records every byte it writes to the terminal; the bell as tmux saw it.
 * The environment names a VTE terminal (OSC 777), and tmux is around, so the notification comes
 * wrapped for tmux to pass on.
 */
class ClientNotificationsIT {
    private static final String ESC = "\u001b";

    /** The bell, then the OSC 777 wrapped in tmux's passthrough (every ESC inside doubled). */
    private static String alert(String title, String body) {
        return "\u0007" + ESC + "Ptmux;" + ESC + ESC + "]777;notify;" + title + ";" + body + ESC + ESC + "\\" + ESC
                + "\\";
    }

    @Test
    void privateMessagesAndMentionsRingAndNotifyUnlessTheTerminalIsFocused(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Tmux.available("tmux") && Tmux.available("script"),
                "SKIPPED: tmux or script is not installed (.ci/run installs tmux with apt-get)");
        try (JarProcess server = new JarProcess(
                "server", "--host", "127.0.0.1", "--port", "0", "--approve", "all", "--data-dir", dir.toString())) {
            int port = server.awaitListening();
            IrcTestClient bob = new IrcTestClient(port).autoPong().register("bob");
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String jar = Path.of(System.getProperty("chatroom.jar", "target/chatroom.jar"))
                    .toAbsolutePath()
                    .toString();
            Path typescript = dir.resolve("typescript");
            String client = "TERM=xterm-256color VTE_VERSION=7600 XDG_CONFIG_HOME=" + dir.resolve("config") + " " + java
                    + " -jar " + jar + " join --host 127.0.0.1 --port " + port + " --name alice --no-color";
            String cmd = "script -q -e -f -c '" + client + "' " + typescript + "; echo EXITED:$?; sleep 60";
            try (Tmux alice =
                    new Tmux("client-notify-" + ProcessHandle.current().pid(), cmd)) {
                alice.await("Welcome to #chatroom, alice.", false);
                awaitWritten(typescript, ESC + "[?1004h", 1);
                assertThat(alice.format("#{window_bell_flag}")).isEqualTo("0");

                bob.send("PRIVMSG alice :psst");
                awaitWritten(typescript, alert("bob (private)", "psst"), 1);
                Await.until(
                        "tmux saw the bell",
                        Duration.ofSeconds(10),
                        () -> alice.format("#{window_bell_flag}"),
                        "1"::equals);

                bob.send("PRIVMSG #chatroom :just talk");
                bob.send("PRIVMSG #chatroom :hi alice; look");
                awaitWritten(typescript, alert("bob in #chatroom", "hi alice, look"), 1);
                assertThat(written(typescript)).doesNotContain("notify;bob in #chatroom;just talk");

                alice.bytes("1b", "5b", "49"); // ESC [ I: the terminal has the focus
                alice.keys("-l", "x");
                alice.await("alice> x", false); // the report was taken, not typed
                bob.send("PRIVMSG alice :while focused");
                alice.await("[private] bob: while focused", false);

                alice.bytes("1b", "5b", "4f"); // ESC [ O: not any more
                alice.keys("-l", "y");
                String screen = alice.await("alice> xy", false);
                assertThat(screen).doesNotContain("[I").doesNotContain("[O");
                bob.send("PRIVMSG alice :after focus out");
                awaitWritten(typescript, alert("bob (private)", "after focus out"), 1);
                assertThat(written(typescript)).doesNotContain("notify;bob (private);while focused");
                assertThat(count(written(typescript), "\u0007")).isEqualTo(3);

                alice.keys("C-u");
                alice.typeLine("/leave");
                alice.await("EXITED:0", false);
                awaitWritten(typescript, ESC + "[?1004l", 1);
            }
            bob.close();
        }
    }

    private static String written(Path typescript) throws IOException {
        return Files.exists(typescript) ? Files.readString(typescript, StandardCharsets.UTF_8) : "";
    }

    private static void awaitWritten(Path typescript, String bytes, int times)
            throws IOException, InterruptedException {
        Await.until(
                "the client wrote " + bytes.replace(ESC, "ESC").replace("\u0007", "BEL") + " " + times + " time(s)",
                Duration.ofSeconds(20),
                () -> count(written(typescript), bytes),
                n -> n == times);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int at = s.indexOf(part); at >= 0; at = s.indexOf(part, at + 1)) n++;
        return n;
    }
}

package dev.chatroom.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.IrcTestClient;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin console on a real terminal (tmux): one line per event, and a clean /shutdown. */
class ConsoleIT {
    private static int count(String screen, String text) {
        int n = 0;
        for (int i = screen.indexOf(text); i >= 0; i = screen.indexOf(text, i + 1)) n++;
        return n;
    }

    @Test
    void eachEventPrintsOnceAndShutdownStopsCleanly(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Tmux.available("tmux"), "SKIPPED: tmux is not installed (.ci/run installs it with apt-get)");
        String jar = System.getProperty("chatroom.jar", "target/chatroom.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "TERM=xterm-256color " + java + " -jar " + jar
                + " server --host 127.0.0.1 --port 0 --data-dir " + dir + "; echo EXIT=$?; sleep 60";
        try (Tmux console =
                new Tmux("chatroom-console-" + ProcessHandle.current().pid(), command)) {
            Matcher m =
                    Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)").matcher(console.await("Type /help", false));
            assertThat(m.find()).isTrue();
            int port = Integer.parseInt(m.group(1));
            try (IrcTestClient alice = new IrcTestClient(port)) {
                alice.sendRegistration("alice");
                console.await("alice (no account, 127.0.0.1) wants to join", false);
                console.typeLine("y");
                alice.expect(" 366 alice ");
                console.await("* alice entered the chatroom.", false);
                console.typeLine("/kick alice spam");
                alice.awaitClosed();
                String screen = console.await("was removed by the admin", false);
                assertThat(count(screen, "alice was removed by the admin (spam)"))
                        .isEqualTo(1);
                assertThat(screen).doesNotContain("alice left the chat");
            }
            console.typeLine("/say hello everyone");
            console.await("*** hello everyone (sent to 0 users)", false);
            console.typeLine("/shutdown maintenance");
            String end = console.await("EXIT=", false);
            assertThat(count(end, "Server stopped.")).isEqualTo(1);
            assertThat(end).contains("EXIT=0").doesNotContain("Exception");
        }
    }
}

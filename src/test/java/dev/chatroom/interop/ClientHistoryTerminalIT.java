package dev.chatroom.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive client in a real terminal (tmux): a room's history faint under its separator on entering, /search, /history. */
class ClientHistoryTerminalIT {

    @Test
    void earlierMessagesAreShownFaintAndSearchFindsThem(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Tmux.available("tmux"), "SKIPPED: tmux is not installed (.ci/run installs it with apt-get)");
        try (JarProcess server = new JarProcess(
                "server", "--host", "127.0.0.1", "--port", "0", "--approve", "all", "--data-dir", dir.toString())) {
            int port = server.awaitListening();
            IrcTestClient bob = new IrcTestClient(port).autoPong().register("bob");
            bob.send("PRIVMSG #chatroom :the deploy failed")
                    .send("PRIVMSG #chatroom :lunch?")
                    .sync();
            String cmd = Tmux.join(port, "--name alice");
            try (Tmux alice =
                    new Tmux("client-history-" + ProcessHandle.current().pid(), cmd)) {
                alice.await("Welcome to #chatroom, alice.", false);
                String screen = alice.await("--- now ---", false);
                String history =
                        screen.substring(screen.indexOf("--- earlier messages ---"), screen.indexOf("--- now ---"));
                assertThat(history).containsPattern("\\] bob: the deploy failed\n\\[\\d\\d:\\d\\d\\] bob: lunch\\?\n");
                // faint from the separator to the end (tmux writes an attribute only where it changes)
                String escaped = alice.screen(true);
                String faint =
                        escaped.substring(escaped.indexOf("--- earlier messages ---"), escaped.indexOf("--- now ---"));
                assertThat(escaped).containsPattern("\u001b\\[2m(\u001b\\[\\d+m)*--- earlier messages ---");
                assertThat(faint).contains("bob: lunch?").doesNotContain("\u001b[0m", "\u001b[22m", "\u001b[m");

                bob.send("PRIVMSG #chatroom :live now");
                alice.await("bob: live now", false);
                alice.typeLine("/search deploy");
                screen = alice.await("1 result", false);
                assertThat(screen)
                        .containsPattern(
                                "\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\] #chatroom bob: the deploy failed\n1 result");
                alice.typeLine("/search nowhere");
                alice.await("No messages match \"nowhere\".", false);
                alice.typeLine("/history");
                alice.await("No earlier messages.", false);

                alice.typeLine("/leave");
                alice.await("EXITED:0", false);
            }
            bob.close();
        }
    }
}

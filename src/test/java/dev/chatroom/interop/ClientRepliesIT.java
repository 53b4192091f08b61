package dev.chatroom.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.Await;
import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive client in a real terminal (tmux): typing notices both ways, /react and /reply by number. */
class ClientRepliesIT {
    @Test
    void typingIsToldAndShownAndReactionsAndRepliesGoOut(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Tmux.available("tmux"), "SKIPPED: tmux is not installed (.ci/run installs it with apt-get)");
        try (JarProcess server = new JarProcess(
                "server", "--host", "127.0.0.1", "--port", "0", "--approve", "all", "--data-dir", dir.toString())) {
            int port = server.awaitListening();
            IrcTestClient bob = new IrcTestClient(port).autoPong().registerWithCaps("bob", "message-tags echo-message");
            String cmd = Tmux.join(port, "--name alice --no-color");
            try (Tmux alice =
                    new Tmux("client-replies-" + ProcessHandle.current().pid(), cmd)) {
                alice.await("alice in #chatroom (2)", false); // the status line

                alice.keys("-l", "hel");
                assertThat(bob.expect(" TAGMSG #chatroom")).contains("+typing=active");
                alice.keys("C-u"); // the line cleared
                assertThat(bob.expect(" TAGMSG #chatroom")).contains("+typing=done");

                bob.send("@+typing=active TAGMSG #chatroom");
                alice.await("bob is typing", false);
                bob.send("PRIVMSG #chatroom :the deploy failed");
                String deploy =
                        bob.expect("PRIVMSG #chatroom :the deploy failed").replaceAll(".*msgid=([^; ]+).*", "$1");
                alice.await("bob: the deploy failed", false);
                Await.until( // his message ended it; the status line is drawn right after the message
                        "bob no longer typing",
                        Duration.ofSeconds(5),
                        () -> alice.screen(false),
                        s -> !s.contains("is typing"));

                alice.typeLine("/react");
                alice.await("1 bob: \"the deploy failed\"", false);
                alice.typeLine("/react 1 +1");
                assertThat(bob.expect(" TAGMSG #chatroom"))
                        .contains("+draft/react=+1")
                        .contains("+draft/reply=" + deploy);
                alice.await("* alice reacted +1 to bob: \"the deploy failed\"", false);
                alice.typeLine("/reply on it");
                assertThat(bob.expect("PRIVMSG #chatroom :on it")).contains("+draft/reply=" + deploy);

                alice.typeLine("/leave");
                alice.await("EXITED:0", false);
            }
            bob.close();
        }
    }
}

package dev.chatroom.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive client in a real terminal (tmux): /delete, seen by another client and gone from /search. */
class ClientDeleteTerminalIT {

    @Test
    void deleteRemovesYourLastMessageForEveryone(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Tmux.available("tmux"), "SKIPPED: tmux is not installed (.ci/run installs it with apt-get)");
        try (JarProcess server = new JarProcess(
                "server", "--host", "127.0.0.1", "--port", "0", "--approve", "all", "--data-dir", dir.toString())) {
            int port = server.awaitListening();
            IrcTestClient bob =
                    new IrcTestClient(port).autoPong().registerWithCaps("bob", "message-tags draft/message-redaction");
            String cmd = Tmux.join(port, "--name alice");
            try (Tmux alice =
                    new Tmux("client-delete-" + ProcessHandle.current().pid(), cmd)) {
                alice.await("Welcome to #chatroom, alice.", false);
                alice.typeLine("/delete");
                alice.await("You have no message to delete in #chatroom.", false);
                alice.typeLine("the password is hunter2");
                String said = bob.expect("PRIVMSG #chatroom :the password is hunter2");
                alice.typeLine("oops");
                bob.expect("PRIVMSG #chatroom :oops");

                alice.typeLine("/delete 2");
                String screen = alice.await("(message deleted) alice: \"the password is hunter2\"", false);
                assertThat(screen).contains("alice: oops");
                String msgid = said.replaceAll(".*msgid=([^; ]+).*", "$1");
                assertThat(bob.expect(" REDACT ")).endsWith(" REDACT #chatroom " + msgid);

                alice.typeLine("/search hunter2");
                alice.await("No messages match \"hunter2\".", false);
                alice.typeLine("/leave");
                alice.await("EXITED:0", false);
            }
            bob.close();
        }
    }
}

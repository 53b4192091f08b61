package dev.chatroom.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.ScriptedPeer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A paste in a real terminal (tmux, bracketed paste) goes as one IRCv3 draft/multiline message, and one
 * received shows its sender once, the lines under the first. The server is scripted (ScriptedPeer) until
 * the real one offers draft/multiline; then the peer's lines become the real server's and bob an
 * IrcTestClient with the cap.
 */
class ClientMultilineTerminalIT {
    @Test
    void aPastedBlockIsOneMessageAndOneReceivedShowsItsLinesUnderTheFirst() throws Exception {
        Assumptions.assumeTrue(
                Tmux.available("tmux"), "SKIPPED: tmux is not installed (.ci/run installs it with apt-get)");
        try (ScriptedPeer server =
                new ScriptedPeer("batch message-tags draft/multiline=max-bytes=4096,max-lines=100")) {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String jar = Path.of(System.getProperty("chatroom.jar", "target/chatroom.jar"))
                    .toAbsolutePath()
                    .toString();
            String cmd = "TERM=xterm-256color " + java + " -jar " + jar + " join --host 127.0.0.1 --port "
                    + server.port() + " --name alice --no-color --no-reconnect; echo EXITED:$?; sleep 60";
            try (Tmux alice =
                    new Tmux("client-multiline-" + ProcessHandle.current().pid(), cmd)) {
                alice.await("Welcome to #chatroom, alice.", false);
                alice.paste("\nthe deploy failed:\n\n  error: disk full\non node 3\n");
                alice.await("> on node 3", false); // in the line editor, to be looked at, then sent with Enter
                alice.keys("Enter");
                List<String> sent = new ArrayList<>(List.of(server.expect("BATCH \\+.*")));
                while (!sent.get(sent.size() - 1).startsWith("BATCH -")) sent.add(server.next());
                assertThat(sent)
                        .containsExactly(
                                "BATCH +ml1 draft/multiline #chatroom",
                                "@batch=ml1 PRIVMSG #chatroom :the deploy failed:",
                                "@batch=ml1 PRIVMSG #chatroom :",
                                "@batch=ml1 PRIVMSG #chatroom :  error: disk full",
                                "@batch=ml1 PRIVMSG #chatroom :on node 3",
                                "BATCH -ml1");
                assertUnderFirst(alice.await("on node 3", false), "alice: the deploy failed:", "  error: disk full");

                server.send(":bob!~bob@host BATCH +b1 draft/multiline #chatroom")
                        .send("@batch=b1 :bob!~bob@host PRIVMSG #chatroom :looking at it")
                        .send("@batch=b1 :bob!~bob@host PRIVMSG #chatroom :\u001b[2Jfreed 2 GB")
                        .send("BATCH -b1");
                assertUnderFirst(alice.await("freed 2 GB", false), "bob: looking at it", "freed 2 GB");
                alice.typeLine("/leave");
                alice.await("EXITED:0", false);
            }
        }
    }

    /** The line after the one with first starts with spaces up to where first's text starts, then next. */
    private static void assertUnderFirst(String screen, String first, String next) {
        List<String> lines = screen.lines().toList();
        int at = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(first)) at = i;
        assertThat(at).as("a line with '%s' in:%n%s", first, screen).isGreaterThanOrEqualTo(0);
        int column = lines.get(at).indexOf(first) + first.indexOf(": ") + 2;
        String following = lines.get(at + 1).equals("") ? lines.get(at + 2) : lines.get(at + 1);
        assertThat(following).as(screen).isEqualTo(" ".repeat(column) + next);
    }
}

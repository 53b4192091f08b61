package dev.chatroom.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A paste in a real terminal (tmux, bracketed paste) goes through the real server as one IRCv3
 * draft/multiline message, and one received shows its sender once, the lines under the first.
 */
class ClientMultilineTerminalIT {
    private static final String CLOAK = "[a-z2-9]{16}\\.ip";

    @Test
    void aPastedBlockIsOneMessageAndOneReceivedShowsItsLinesUnderTheFirst(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Tmux.available("tmux"), "SKIPPED: tmux is not installed (.ci/run installs it with apt-get)");
        try (JarProcess server = new JarProcess(
                "server", "--host", "127.0.0.1", "--port", "0", "--approve", "all", "--data-dir", dir.toString())) {
            int port = server.awaitListening();
            IrcTestClient bob =
                    new IrcTestClient(port).autoPong().registerWithCaps("bob", "batch message-tags draft/multiline");
            String cmd = Tmux.join(port, "--name alice --no-color --no-reconnect");
            try (Tmux alice =
                    new Tmux("client-multiline-" + ProcessHandle.current().pid(), cmd)) {
                alice.await("alice in #chatroom (2)", false); // the status line: bob is there
                alice.paste("\nthe deploy failed:\n\n  error: disk full\non node 3\n");
                alice.await("> on node 3", false); // in the line editor, to be looked at, then sent with Enter
                alice.keys("Enter");
                List<String> got = new ArrayList<>(List.of(bob.expect(" BATCH \\+")));
                while (!got.get(got.size() - 1).contains(" BATCH -")) got.add(bob.next());
                String ref = got.get(0).replaceAll(".* BATCH \\+(\\S+) .*", "$1");
                assertThat(got.get(0))
                        .matches("@msgid=[^ ]+ :alice!~alice@" + CLOAK + " BATCH \\+" + ref
                                + " draft/multiline #chatroom");
                String from = " :alice!~alice@" + CLOAK + " PRIVMSG #chatroom :";
                assertThat(got.subList(1, got.size()))
                        .satisfiesExactly(
                                l -> assertThat(l).matches("@batch=" + ref + from + "the deploy failed:"),
                                l -> assertThat(l).matches("@batch=" + ref + from),
                                l -> assertThat(l).matches("@batch=" + ref + from + "  error: disk full"),
                                l -> assertThat(l).matches("@batch=" + ref + from + "on node 3"),
                                l -> assertThat(l).matches(":alice!~alice@" + CLOAK + " BATCH -" + ref));
                assertUnderFirst(alice.await("on node 3", false), "alice: the deploy failed:", "  error: disk full");

                bob.send("BATCH +b1 draft/multiline #chatroom")
                        .send("@batch=b1 PRIVMSG #chatroom :looking at it")
                        .send("@batch=b1 PRIVMSG #chatroom :\u001b[2Jfreed 2 GB")
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

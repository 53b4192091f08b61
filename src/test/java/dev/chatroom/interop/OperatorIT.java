package dev.chatroom.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.JarProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin as an IRC operator in a real irssi (in tmux): the password hashed by {@code chatroom
 * admin hash-password} on a terminal, OPER, the join requests as server notices, APPROVE and
 * REJECT answering them, and irssi's own /kill. .ci/run installs irssi and tmux; without them
 * this test is skipped, saying so.
 */
class OperatorIT {
    private static final String PASSWORD = "operpassword";

    @Test
    void anIrssiOperatorLetsOneInTurnsOneAwayAndKillsOne(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Tmux.available("irssi") && Tmux.available("tmux"),
                "SKIPPED: irssi or tmux is not installed (.ci/run installs them with apt-get)");
        String hash = hashOnATerminal();
        try (JarProcess server = new JarProcess(
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--data-dir",
                dir.resolve("data").toString(),
                "--opers",
                "operuser:" + hash)) {
            int port = server.awaitListening();
            Path home = Files.createDirectories(dir.resolve("irssi"));
            try (Tmux irssi = new Tmux(
                    "oper-irssi-" + ProcessHandle.current().pid(),
                    "TERM=xterm-256color irssi --home=" + home + " -c 127.0.0.1 -p " + port + " -n alice")) {
                server.expect("^alice \\(no account, 127\\.0\\.0\\.1\\) wants to join");
                server.type("y");
                irssi.await("Act: 2", false); // in #chatroom; the status window (on screen) gets the server's notices
                irssi.typeLine("/oper operuser " + PASSWORD);
                irssi.await("You are now an IRC operator", false);
                server.expect("^alice \\(127\\.0\\.0\\.1\\) is now an IRC operator, as operuser\\.$");

                try (JarProcess bob = join(port, "bob");
                        JarProcess carol = join(port, "carol")) {
                    irssi.await(
                            "*** bob (no account, 127.0.0.1) wants to join: APPROVE bob or REJECT bob [reason]", false);
                    irssi.await("*** carol (no account, 127.0.0.1) wants to join", false);
                    irssi.typeLine("/quote APPROVE bob");
                    bob.expect("Welcome to #chatroom");
                    irssi.await("*** bob was accepted by alice.", false);
                    server.expect("^IRC operator alice: /accept bob$");

                    irssi.typeLine("/quote REJECT carol not today");
                    carol.expect("^The admin rejected your request: not today\\.$");
                    assertThat(carol.waitForExit()).isEqualTo(3);
                    irssi.await("*** carol was rejected by alice: not today", false);

                    irssi.typeLine("/kill bob enough");
                    bob.expect("Killed \\(alice \\(enough\\)\\)");
                    server.expect("^\\* bob left the chat \\(Killed \\(alice \\(enough\\)\\)\\)$");
                }
                assertThat(irssi.screen(false)).doesNotContain("Unknown command");
            }
        }
    }

    private static JarProcess join(int port, String nick) throws IOException, InterruptedException {
        JarProcess c = new JarProcess("join", "--host", "127.0.0.1", "--port", Integer.toString(port), "--name", nick);
        c.expect("^Waiting for the admin to accept you\\.\\.\\. \\(Ctrl-C or /leave to give up");
        return c;
    }

    /**
     * {@code chatroom admin hash-password} on a terminal: two passwords that differ print nothing;
     * typed twice the same, neither echoed, the hash is the one line it prints.
     */
    private static String hashOnATerminal() throws Exception {
        String command = Path.of(System.getProperty("java.home"), "bin", "java") + " -jar "
                + Path.of(System.getProperty("chatroom.jar", "target/chatroom.jar"))
                        .toAbsolutePath()
                + " admin hash-password; echo \"exit $?\"; sleep 60"; // the screen stays to be read
        try (Tmux t = new Tmux("oper-hash1-" + ProcessHandle.current().pid(), command)) {
            t.await("Password:", false);
            t.typeLine(PASSWORD);
            t.await("Again:", false);
            t.typeLine("operpasswort");
            assertThat(t.await("exit ", false))
                    .contains("chatroom: the two passwords differ; nothing printed\nexit 1")
                    .doesNotContain("$argon2id$");
        }
        try (Tmux t = new Tmux("oper-hash2-" + ProcessHandle.current().pid(), command)) {
            t.await("Password:", false);
            t.typeLine(PASSWORD);
            t.await("Again:", false);
            t.typeLine(PASSWORD);
            String screen = t.await("exit ", false);
            assertThat(screen).doesNotContain(PASSWORD).contains("exit 0");
            Matcher hash =
                    Pattern.compile("^(\\$argon2id\\$\\S+)$", Pattern.MULTILINE).matcher(screen);
            assertThat(hash.find()).as(screen).isTrue();
            return hash.group(1);
        }
    }
}

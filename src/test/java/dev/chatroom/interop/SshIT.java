package dev.chatroom.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real OpenSSH client, in tmux, against the server's SSH port: a fresh key waits for the
 * admin, chats with the chatroom client and an IRC client, follows a window resize and leaves
 * with status 0; the allow-listed key skips the queue next time; a banned key is refused; a
 * command is refused. .ci/run installs openssh-client; without it this test is skipped.
 */
class SshIT {
    private static String ssh(Path dir, int port, String key, String user) {
        return "ssh -p " + port + " -i " + dir.resolve(key)
                + " -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile=" + dir.resolve("known_hosts")
                + " -o LogLevel=ERROR " + user + "@127.0.0.1";
    }

    private static String fingerprint(Path publicKey) throws Exception {
        Process p = new ProcessBuilder("ssh-keygen", "-lf", publicKey.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        return out.split(" ")[1];
    }

    private static void newKey(Path dir, String name) throws Exception {
        Process p = new ProcessBuilder(
                        "ssh-keygen",
                        "-q",
                        "-t",
                        "ed25519",
                        "-N",
                        "",
                        "-C",
                        name,
                        "-f",
                        dir.resolve(name).toString())
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void plainSshJoinsTheRoomAndTheKeyIsWhoTheyAre(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Tmux.available("ssh") && Tmux.available("ssh-keygen") && Tmux.available("tmux"),
                "SKIPPED: openssh-client or tmux is not installed (.ci/run installs them with apt-get)");
        newKey(dir, "alice_key");
        newKey(dir, "mallory_key");
        String id = Long.toString(ProcessHandle.current().pid());
        try (JarProcess server = new JarProcess(
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--ssh-port",
                "0",
                "--data-dir",
                dir.resolve("data").toString())) {
            int port = server.awaitListening();
            Matcher sshLine = server.expect("^SSH on 127\\.0\\.0\\.1:(\\d+), host key (SHA256:\\S+) \\(ED25519\\)");
            int sshPort = Integer.parseInt(sshLine.group(1));
            String hostKey = sshLine.group(2);

            try (Tmux alice = new Tmux(
                    "ssh-alice-" + id, ssh(dir, sshPort, "alice_key", "alice") + "; echo SSH-EXIT=$?; sleep 600")) {
                alice.resize(100, 30);
                Matcher asked = server.expect(
                        "^alice \\(ssh, (SHA256:\\S+), 127\\.0\\.0\\.1\\) wants to join\\. Accept\\? \\[y/n/a\\]");
                assertThat(asked.group(1)).isEqualTo(fingerprint(dir.resolve("alice_key.pub")));
                alice.await("Waiting for the admin", false);
                server.type("a");
                server.expect("^Allowed alice's ssh key " + Pattern.quote(asked.group(1)));
                alice.await("Welcome to #chatroom, alice", false);
                // the host key the ssh client now trusts is the one the server printed
                assertThat(fingerprint(dir.resolve("known_hosts"))).isEqualTo(hostKey);

                JarProcess bob = new JarProcess(
                        "join", "--host", "127.0.0.1", "--port", Integer.toString(port), "--name", "bob");
                server.expect("^bob \\(no account, 127\\.0\\.0\\.1\\) wants to join");
                server.type("y");
                bob.expect("Welcome to #chatroom");
                IrcTestClient carol = new IrcTestClient(port).autoPong();
                carol.sendRegistration("carol");
                server.expect("^carol \\(no account, 127\\.0\\.0\\.1\\) wants to join");
                server.type("y");
                carol.expect(" 366 carol ");

                alice.typeLine("hello from ssh");
                bob.expect(".*alice.*: hello from ssh");
                assertThat(carol.expect("PRIVMSG #chatroom :hello from ssh"))
                        .matches(":alice!~alice@ssh/[a-z2-9]{16} PRIVMSG #chatroom :hello from ssh");
                bob.type("hi alice");
                alice.await("bob: hi alice", false);
                carol.send("PRIVMSG #chatroom :hi from irc");
                alice.await("carol: hi from irc", false);
                alice.typeLine("/private carol psst");
                carol.expect("PRIVMSG carol :psst");

                // a narrower window: the status line is cut to the new width, not wrapped
                alice.resize(40, 20);
                alice.typeLine("/join #resized");
                String screen = alice.await("alice in #resized", false);
                String status = screen.lines()
                        .filter(l -> l.startsWith("alice in #resized"))
                        .reduce((a, b) -> b)
                        .orElseThrow();
                assertThat(status.strip()).endsWith("…").hasSizeLessThanOrEqualTo(40);

                alice.typeLine("/leave");
                alice.await("SSH-EXIT=0", false);
                bob.expect(".*alice.* left the chat");
                bob.type("/leave");
                assertThat(bob.waitForExit()).isZero();
                carol.close();
            }

            // the allow-listed key skips the queue, whatever the name
            try (Tmux again = new Tmux(
                    "ssh-again-" + id, ssh(dir, sshPort, "alice_key", "alice2") + "; echo SSH-EXIT=$?; sleep 600")) {
                server.expect("^alice2 \\(ssh, SHA256:\\S+, 127\\.0\\.0\\.1\\) is on the allow list: let in\\.");
                again.await("Welcome to #chatroom, alice2", false);
                again.keys("C-c");
                again.await("SSH-EXIT=0", false);
            }

            // a banned key is refused
            server.type("/ban key:" + fingerprint(dir.resolve("mallory_key.pub")) + " spam");
            server.expect("^Banned \\*!\\*@key:SHA256:\\S+ \\(spam\\)\\.");
            try (Tmux mallory = new Tmux(
                    "ssh-mallory-" + id,
                    ssh(dir, sshPort, "mallory_key", "mallory") + "; echo SSH-EXIT=$?; sleep 600")) {
                try {
                    mallory.await("You are banned: spam", false);
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "\nserver: " + server.seen(), e);
                }
                mallory.await("SSH-EXIT=1", false);
            }

            // a command is refused, saying what to do instead
            Process command = new ProcessBuilder(("ssh -p " + sshPort + " -i " + dir.resolve("alice_key")
                                    + " -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile="
                                    + dir.resolve("known_hosts") + " -o LogLevel=ERROR alice@127.0.0.1 say hello")
                            .split(" "))
                    .redirectErrorStream(true)
                    .start();
            String said = new String(command.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(command.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(command.exitValue()).isEqualTo(2);
            assertThat(said)
                    .contains("chatroom: commands are not run here (say hello); to chat, connect without one: ssh -p "
                            + sshPort + " name@host");
            assertThat(Files.exists(dir.resolve("data").resolve("ssh_host_ed25519_key")))
                    .isTrue();
        }
    }

    @Test
    void sshAsksForTheServerPassword(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Tmux.available("ssh") && Tmux.available("ssh-keygen") && Tmux.available("tmux"),
                "SKIPPED: openssh-client or tmux is not installed (.ci/run installs them with apt-get)");
        newKey(dir, "alice_key");
        String id = Long.toString(ProcessHandle.current().pid());
        try (JarProcess server = new JarProcess(
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--ssh-port",
                "0",
                "--approve",
                "all",
                "--password",
                "s3cret-door",
                "--data-dir",
                dir.resolve("data").toString())) {
            server.awaitListening();
            Matcher sshLine = server.expect("^SSH on 127\\.0\\.0\\.1:(\\d+), host key");
            int sshPort = Integer.parseInt(sshLine.group(1));
            try (Tmux alice = new Tmux(
                    "ssh-pass-" + id, ssh(dir, sshPort, "alice_key", "alice") + "; echo SSH-EXIT=$?; sleep 600")) {
                alice.await("Server password for chatroom:", false);
                alice.typeLine("s3cret-door");
                String screen = alice.await("Welcome to #chatroom, alice", false);
                assertThat(screen).doesNotContain("s3cret-door");
                alice.typeLine("/leave");
                alice.await("SSH-EXIT=0", false);
            }
        }
    }
}

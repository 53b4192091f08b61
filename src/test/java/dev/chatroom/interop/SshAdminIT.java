package dev.chatroom.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ssh -p PORT admin@host} with the real OpenSSH client against a server nobody sits at:
 * a key in admin_keys gets the console on a terminal (tmux) and in line mode ({@code ssh -T}
 * reading a script); any other key asking for admin gets one line and status 1. .ci/run
 * installs openssh-client; without it this test is skipped.
 */
class SshAdminIT {
    private static List<String> ssh(Path dir, int port, String key, String... more) {
        List<String> cmd = new ArrayList<>(List.of(
                "ssh",
                "-p",
                Integer.toString(port),
                "-i",
                dir.resolve(key).toString(),
                "-o",
                "StrictHostKeyChecking=accept-new",
                "-o",
                "UserKnownHostsFile=" + dir.resolve("known_hosts"),
                "-o",
                "LogLevel=ERROR"));
        cmd.addAll(List.of(more));
        return cmd;
    }

    private static void newKey(Path dir, String name, String comment) throws Exception {
        Process p = new ProcessBuilder(
                        "ssh-keygen",
                        "-q",
                        "-t",
                        "ed25519",
                        "-N",
                        "",
                        "-C",
                        comment,
                        "-f",
                        dir.resolve(name).toString())
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }

    /** Runs ssh with script on its standard input; its status and everything it printed. */
    private static Result run(List<String> cmd, Path script) throws Exception {
        Process p = new ProcessBuilder(cmd)
                .redirectInput(
                        script == null
                                ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                                : ProcessBuilder.Redirect.from(script.toFile()))
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("ssh exited").isTrue();
        return new Result(p.exitValue(), out);
    }

    private record Result(int status, String output) {}

    private static IrcTestClient request(int port, String nick, JarProcess server) throws Exception {
        IrcTestClient c = new IrcTestClient(port).autoPong();
        c.sendRegistration(nick);
        c.expect("Waiting for the admin");
        server.expect("^" + nick + " \\(no account, 127\\.0\\.0\\.1\\) wants to join");
        return c;
    }

    @Test
    void anAdminKeyOpensTheConsoleAndAnyOtherIsRefused(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Tmux.available("ssh") && Tmux.available("ssh-keygen") && Tmux.available("tmux"),
                "SKIPPED: openssh-client or tmux is not installed (.ci/run installs them with apt-get)");
        newKey(dir, "admin_key", "root@laptop");
        newKey(dir, "other_key", "mallory@elsewhere");
        Path data = Files.createDirectory(dir.resolve("data"));
        Path adminKeys = data.resolve("admin_keys");
        Files.copy(dir.resolve("admin_key.pub"), adminKeys);
        Files.setPosixFilePermissions(adminKeys, PosixFilePermissions.fromString("rw-------"));
        try (JarProcess server = new JarProcess(
                "server", "--host", "127.0.0.1", "--port", "0", "--ssh-port", "0", "--data-dir", data.toString())) {
            server.closeInput();
            int port = server.awaitListening();
            Matcher sshLine = server.expect("^SSH on 127\\.0\\.0\\.1:(\\d+), host key");
            int sshPort = Integer.parseInt(sshLine.group(1));
            server.expect("^Admin console: chatroom admin console --data-dir \\S+, or ssh -p " + sshPort
                    + " admin@127\\.0\\.0\\.1$");

            // line mode: ssh -T reading a script
            IrcTestClient alice = request(port, "alice", server);
            Path script = Files.writeString(dir.resolve("cmds"), "/pending\n/accept alice\n");
            Result scripted = run(ssh(dir, sshPort, "admin_key", "-T", "admin@127.0.0.1"), script);
            assertThat(scripted.status()).isZero();
            assertThat(scripted.output()).contains("Waiting (1), oldest first:\n  alice (127.0.0.1)");
            alice.expect(" 001 alice ");
            server.expect("^\\(ssh root@laptop\\) accepted alice$");

            // a terminal: the prompt asks, n answers, /detach leaves with status 0
            String command = String.join(" ", ssh(dir, sshPort, "admin_key", "admin@127.0.0.1"))
                    + "; echo SSH-EXIT=$?; sleep 60";
            try (Tmux console = new Tmux("ssh-admin-" + ProcessHandle.current().pid(), command)) {
                console.await("Attached as ssh root@laptop.", false);
                IrcTestClient bob = request(port, "bob", server);
                console.await("Accept bob? [y/n/a]", false);
                console.typeLine("n");
                assertThat(bob.awaitClosed()).anyMatch(l -> l.contains("the admin rejected your request"));
                console.await("Rejected bob.", false);
                console.typeLine("/detach");
                console.await("SSH-EXIT=0", false);
            }

            // any other key asking for admin: one line, status 1; the key still chats under another name
            Result refused = run(ssh(dir, sshPort, "other_key", "-T", "admin@127.0.0.1"), null);
            assertThat(refused.status()).isEqualTo(1);
            assertThat(refused.output().strip())
                    .isEqualTo("chatroom: this key may not open the admin console (it is not in the server's admin"
                            + " keys). To chat, pick another name: ssh -p " + sshPort + " name@host");
            assertThat(server.isAlive()).isTrue();
            alice.close();
        }
    }
}

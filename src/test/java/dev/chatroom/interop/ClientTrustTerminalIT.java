package dev.chatroom.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive client in a real terminal over TLS: the certificate question like ssh (y pins
 * it), then a registered name asks for its password, typed masked, and logs in.
 */
class ClientTrustTerminalIT {

    @Test
    void trustOnceThenLogInWithAPasswordPrompt(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Tmux.available("tmux"), "SKIPPED: tmux is not installed (.ci/run installs it with apt-get)");
        try (JarProcess server = new JarProcess(
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--tls-port",
                "0",
                "--approve",
                "all",
                "--data-dir",
                dir.resolve("data").toString())) {
            var ports = server.expect("listening on 127\\.0\\.0\\.1:(\\d+) and 127\\.0\\.0\\.1:(\\d+) \\(TLS\\)");
            int port = Integer.parseInt(ports.group(1));
            String tls = ports.group(2);
            String fingerprint = server.expect("SHA-256 fingerprint ((?:[0-9a-f]{2}:){31}[0-9a-f]{2})")
                    .group(1);
            IrcTestClient owner =
                    new IrcTestClient(port).autoPong().register("alice"); // loopback: may register in clear
            owner.send("REGISTER * * correct-horse").expect("REGISTER SUCCESS");
            owner.send("QUIT").awaitClosed();

            Path config = Files.createDirectories(dir.resolve("config"));
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String jar = Path.of(System.getProperty("chatroom.jar", "target/chatroom.jar"))
                    .toAbsolutePath()
                    .toString();
            String cmd = "XDG_CONFIG_HOME=" + config + " TERM=xterm-256color " + java + " -jar " + jar
                    + " join --tls --host 127.0.0.1 --port " + tls
                    + " --name alice --no-color; echo EXITED:$?; sleep 60";
            try (Tmux alice = new Tmux("client-trust-" + ProcessHandle.current().pid(), cmd)) {
                alice.await(
                        "The server's certificate is not signed by a known authority. SHA-256 fingerprint: "
                                + fingerprint,
                        false);
                alice.await("Trust it? [y/N]", false);
                alice.typeLine("y");
                alice.await("The name alice is registered to an account.", false);
                alice.await("Password for alice (empty to choose another name):", false);
                alice.typeLine("correct-horse");
                alice.await("Logged in as alice.", false);
                alice.await("Welcome to #chatroom, alice.", false);
                assertThat(alice.screen(false)).doesNotContain("correct-horse");
                alice.typeLine("/leave");
                alice.await("EXITED:0", false);
            }
            assertThat(Files.readString(config.resolve("chatroom/known_servers")))
                    .isEqualTo("127.0.0.1:" + tls + " " + fingerprint + "\n");

            // pinned now: no question the second time
            String again = "XDG_CONFIG_HOME=" + config + " TERM=xterm-256color " + java + " -jar " + jar
                    + " join --tls --host 127.0.0.1 --port " + tls + " --name bob --no-color; echo EXITED:$?; sleep 60";
            try (Tmux bob = new Tmux("client-trust2-" + ProcessHandle.current().pid(), again)) {
                bob.await("Welcome to #chatroom, bob.", false);
                assertThat(bob.screen(false)).doesNotContain("Trust it?");
                bob.typeLine("/leave");
                bob.await("EXITED:0", false);
            }
        }
    }
}

package dev.chatroom.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `chatroom join --tls` in a real terminal (tmux): the certificate asked about once and pinned,
 * "no" refused; /register asks for the password unseen; a registered name asks for its
 * password; no password ever on the screen.
 */
class ClientTlsTerminalIT {
    private static final String PASSWORD = "tr0ub4dor-and-3";

    @Test
    void trustOnceRegisterAndLogInWhenTheNameIsRegistered(@TempDir Path dir) throws Exception {
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
            String tls = server.expect("and 127\\.0\\.0\\.1:(\\d+) \\(TLS\\)").group(1);
            String fingerprint = server.expect("SHA-256 fingerprint ((?:[0-9a-f]{2}:){31}[0-9a-f]{2})")
                    .group(1);
            Path config = Files.createDirectories(dir.resolve("config"));

            try (Tmux no =
                    new Tmux("tls-no-" + ProcessHandle.current().pid(), join(dir.resolve("other"), tls, "carol"))) {
                no.await("SHA-256 fingerprint: " + fingerprint, false);
                no.await("Trust it? [y/N]", false);
                no.typeLine("n");
                no.await("Not trusted; not connecting.", false);
                no.await("EXITED:1", false);
            }
            assertThat(dir.resolve("other/chatroom/known_servers")).doesNotExist();

            try (Tmux alice = new Tmux("tls-alice-" + ProcessHandle.current().pid(), join(config, tls, "alice"))) {
                alice.await("Trust it? [y/N]", false);
                alice.typeLine("y");
                alice.await("Welcome to #chatroom, alice.", false);
                alice.typeLine("/register");
                alice.await("Password:", false);
                alice.typeLine(PASSWORD);
                alice.await("Again:", false);
                alice.typeLine(PASSWORD);
                alice.await("Account alice registered; you are logged in.", false);
                alice.typeLine("/leave");
                assertThat(alice.await("EXITED:0", false)).doesNotContain(PASSWORD);
            }
            assertThat(Files.readString(config.resolve("chatroom/known_servers")))
                    .isEqualTo("127.0.0.1:" + tls + " " + fingerprint + "\n");

            try (Tmux again = new Tmux("tls-again-" + ProcessHandle.current().pid(), join(config, tls, "alice"))) {
                again.await("The name alice is registered to an account.", false);
                again.await("Password for alice (empty to choose another name):", false);
                again.typeLine(PASSWORD);
                again.await("Logged in as alice.", false);
                String screen = again.await("Welcome to #chatroom, alice.", false);
                assertThat(screen).doesNotContain("Trust it?").doesNotContain(PASSWORD); // pinned: not asked again
                again.typeLine("/users");
                again.await("In #chatroom (1): alice\u2713", false);
                again.typeLine("/leave");
                assertThat(again.await("EXITED:0", false)).doesNotContain(PASSWORD);
            }
        }
    }

    private static String join(Path config, String port, String name) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Path.of(System.getProperty("chatroom.jar", "target/chatroom.jar"))
                .toAbsolutePath()
                .toString();
        return "TERM=xterm-256color LANG=C.UTF-8 XDG_CONFIG_HOME=" + config + " " + java + " -jar " + jar
                + " join --tls --host 127.0.0.1 --port " + port + " --name " + name
                + " --no-color --no-reconnect; echo EXITED:$?; sleep 60";
    }
}

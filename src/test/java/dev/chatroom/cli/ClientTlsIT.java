package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chatroom join --tls} against the real server, non-interactive (stdin is a pipe): an
 * unpinned certificate is refused, a pinned one accepted, a changed one refused loudly; an
 * account is registered, protects its name, logs in with CHATROOM_PASSWORD and then with a
 * certificate made by --make-cert.
 */
class ClientTlsIT {

    @Test
    void pinningRegistrationAndLogins(@TempDir Path dir) throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
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
            Map<String, String> env = Map.of("XDG_CONFIG_HOME", config.toString());

            try (JarProcess unpinned = join(env, tls, "--name", "alice")) {
                unpinned.expect("is not signed by a known authority \\(SHA-256 fingerprint " + fingerprint
                        + "\\)\\. Pin it by running");
                assertThat(unpinned.waitForExit()).isEqualTo(1);
            }
            Path known = Files.createDirectories(config.resolve("chatroom")).resolve("known_servers");
            Files.writeString(known, "127.0.0.1:" + tls + " " + fingerprint.toUpperCase() + "\n");

            try (JarProcess alice = join(env, tls, "--name", "alice")) {
                alice.expect("^Welcome to #chatroom, alice\\.");
                alice.type("/register correct-horse");
                alice.expect("^Account alice registered; you are logged in\\.");
                alice.type("/leave");
                assertThat(alice.waitForExit()).isZero();
            }
            try (JarProcess impostor = join(env, tls, "--name", "alice")) {
                impostor.expect("^The name alice is registered to an account\\.$");
                impostor.expect("^Set CHATROOM_PASSWORD or use --login");
                assertThat(impostor.waitForExit()).isEqualTo(3);
            }
            Map<String, String> wrongPassword =
                    Map.of("XDG_CONFIG_HOME", config.toString(), "CHATROOM_PASSWORD", "battery-staple");
            try (JarProcess guesser = join(wrongPassword, tls, "--name", "alice")) {
                guesser.expect("^Login failed for alice: wrong account name or password\\.$");
                assertThat(guesser.waitForExit()).isEqualTo(3);
            }
            String certFile = config.resolve("chatroom/client-cert.pem").toString();
            String keyFile = config.resolve("chatroom/client-key.pem").toString();
            try (JarProcess cert = new JarProcess(env, List.of(), "join", "--make-cert")) {
                cert.expect("^Client certificate: " + Pattern.quote(certFile) + "$");
                cert.expect("^SHA-256 fingerprint: ((?:[0-9a-f]{2}:){31}[0-9a-f]{2})$");
                assertThat(cert.waitForExit()).isZero();
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(keyFile))))
                    .isEqualTo("rw-------");
            try (JarProcess again = new JarProcess(env, List.of(), "join", "--make-cert")) {
                again.expect("already exists; use it with --cert");
                assertThat(again.waitForExit()).isEqualTo(2);
            }
            Map<String, String> withPassword =
                    Map.of("XDG_CONFIG_HOME", config.toString(), "CHATROOM_PASSWORD", "correct-horse");
            try (JarProcess alice = join(withPassword, tls, "--name", "alice", "--cert", certFile, "--key", keyFile)) {
                alice.expect("^Logged in as alice\\.$");
                alice.expect("^Your client certificate now logs you in to alice");
                alice.expect("^Welcome to #chatroom, alice\\.");
                alice.type("/leave");
                assertThat(alice.waitForExit()).isZero();
            }
            try (JarProcess alice = join(env, tls, "--name", "alice", "--cert", certFile, "--key", keyFile);
                    JarProcess bob = join(env, tls, "--name", "bob")) {
                alice.expect("^Logged in as alice\\.$");
                alice.expect("^Welcome to #chatroom, alice\\.");
                bob.expect("^Welcome to #chatroom, bob\\.");
                alice.type("signed by my certificate");
                bob.expect("alice\u2713: signed by my certificate$");
                alice.type("/leave");
                bob.type("/leave");
            }

            Files.writeString(known, "127.0.0.1:" + tls + " " + "ab:".repeat(31) + "ab\n");
            try (JarProcess changed = join(env, tls, "--name", "carol")) {
                changed.expect("WARNING: THE CERTIFICATE OF 127\\.0\\.0\\.1:" + tls + " HAS CHANGED!");
                changed.expect("^Now sent: " + fingerprint + "$");
                changed.expect("remove line 1 of ");
                assertThat(changed.waitForExit()).isEqualTo(1);
            }
            server.expect("alice from 127\\.0\\.0\\.1 logged in to account alice");
        }
    }

    private static JarProcess join(Map<String, String> env, String port, String... extra) throws Exception {
        String[] args = new String[6 + extra.length];
        args[0] = "join";
        args[1] = "--host";
        args[2] = "127.0.0.1";
        args[3] = "--port=" + port;
        args[4] = "--tls";
        args[5] = "--no-reconnect";
        System.arraycopy(extra, 0, args, 6, extra.length);
        return new JarProcess(env, List.of(), args);
    }
}

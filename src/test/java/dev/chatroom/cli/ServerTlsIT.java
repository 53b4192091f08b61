package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import dev.chatroom.testing.TestAuthority;
import dev.chatroom.tls.Fingerprint;
import dev.chatroom.tls.Pem;
import dev.chatroom.tls.SelfSigned;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server process with its own certificate files: reloaded on SIGHUP, without a restart. */
class ServerTlsIT {

    @Test
    void sighupReloadsTheCertificateFiles(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("fullchain.pem");
        Path key = dir.resolve("privkey.pem");
        Pem.Identity first = SelfSigned.forServer("chat.example.org", Duration.ofDays(90));
        Pem.write(first, cert, key);
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
                "--tls-cert",
                cert.toString(),
                "--tls-key",
                key.toString(),
                "--data-dir",
                dir.resolve("data").toString())) {
            server.expect("SHA-256 fingerprint " + Fingerprint.of(first.leaf()) + "; no STS");
            Pem.Identity renewed = SelfSigned.forServer("chat.example.org", Duration.ofDays(90));
            Pem.write(renewed, cert, key);
            new ProcessBuilder("kill", "-HUP", Long.toString(server.pid()))
                    .start()
                    .waitFor();
            assertThat(server.expect("^Reloaded: TLS .*").group()).contains(Fingerprint.of(renewed.leaf()));
            server.type("/reload");
            assertThat(server.expect("^Reloaded: TLS .*").group()).contains(Fingerprint.of(renewed.leaf()));
        }
    }

    @Test
    void aCertificateTheSystemTrustsTurnsOnSts(@TempDir Path dir) throws Exception {
        TestAuthority ca = new TestAuthority();
        Pem.write(ca.issue(), dir.resolve("fullchain.pem"), dir.resolve("privkey.pem"));
        Path trust = ca.trustStore(dir.resolve("trust.p12"));
        try (JarProcess server = new JarProcess(
                List.of(
                        "-Djavax.net.ssl.trustStore=" + trust,
                        "-Djavax.net.ssl.trustStorePassword=changeit",
                        "-Djavax.net.ssl.trustStoreType=PKCS12"),
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--tls-port",
                "0",
                "--approve",
                "all",
                "--tls-cert",
                dir.resolve("fullchain.pem").toString(),
                "--tls-key",
                dir.resolve("privkey.pem").toString(),
                "--data-dir",
                dir.resolve("data").toString())) {
            var ports = server.expect("listening on 127\\.0\\.0\\.1:(\\d+) and 127\\.0\\.0\\.1:(\\d+) \\(TLS\\)");
            server.expect("; STS advertised on the plain port\\.$");
            IrcTestClient plain = new IrcTestClient(Integer.parseInt(ports.group(1)));
            plain.send("CAP LS 302");
            assertThat(plain.expect(" CAP \\* LS ")).endsWith(" sts=port=" + ports.group(2) + ",duration=2592000");
            plain.close();
        }
    }
}

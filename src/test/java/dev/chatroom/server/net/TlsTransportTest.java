package dev.chatroom.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.TestServer;
import dev.chatroom.tls.Fingerprint;
import dev.chatroom.tls.Pem;
import dev.chatroom.tls.SelfSigned;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** Real TLS connections from the JDK's client to the server's TLS port on 127.0.0.1. */
class TlsTransportTest {

    /** A client trusting exactly the given certificate (pinning, as our client does), optionally presenting its own. */
    static SSLSocket connect(int port, X509Certificate trusted, Pem.Identity clientId) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", trusted);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (clientId != null) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("me", clientId.key(), new char[0], clientId.chain().toArray(X509Certificate[]::new));
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, new char[0]);
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(0);
        s.startHandshake();
        return s;
    }

    static X509Certificate serverCertificate(TestServer server) {
        return server.server().tlsCertificate().leaf();
    }

    @Test
    void chatsOverTlsBesideThePlainPortWithTheGeneratedCertificate() throws Exception {
        try (TestServer server = TestServer.start()) {
            var loaded = server.server().tlsCertificate();
            assertThat(loaded.generated()).isTrue();
            assertThat(loaded.trusted()).isFalse();
            assertThat(loaded.fingerprint()).matches("([0-9a-f]{2}:){31}[0-9a-f]{2}");
            SSLSocket s = connect(server.tlsPort(), loaded.leaf(), null);
            assertThat(Fingerprint.of((X509Certificate) s.getSession().getPeerCertificates()[0]))
                    .isEqualTo(loaded.fingerprint());
            IrcTestClient secure = server.adopt(s).register("alice");
            IrcTestClient plain = server.join("bob");
            secure.send("PRIVMSG #chatroom :over tls");
            assertThat(plain.expect("PRIVMSG")).endsWith("PRIVMSG #chatroom :over tls");
            plain.send("WHOIS alice");
            assertThat(plain.expect(" 671 ")).endsWith("alice :is using a secure connection");
            plain.send("WHOIS bob");
            assertThat(plain.expect(" 31[78] ")).doesNotContain(" 671 ");
        }
    }

    @Test
    void theCertificateIsKeptAcrossRestartsAndReloadedWithoutDroppingAnyone() throws Exception {
        var config = TestServer.config();
        String first;
        try (TestServer server = new TestServer(config)) {
            first = server.server().tlsCertificate().fingerprint();
        }
        try (TestServer server = new TestServer(config)) {
            assertThat(server.server().tlsCertificate().fingerprint()).isEqualTo(first);
            assertThat(server.server().tlsCertificate().generated()).isFalse();
            X509Certificate old = serverCertificate(server);
            IrcTestClient before =
                    server.adopt(connect(server.tlsPort(), old, null)).register("alice");

            Pem.Identity renewed = SelfSigned.forServer("localhost", Duration.ofDays(90));
            Pem.write(
                    renewed,
                    config.dataDir().resolve("tls-cert.pem"),
                    config.dataDir().resolve("tls-key.pem"));
            assertThat(server.admin.execute("/reload"))
                    .startsWith("Reloaded: TLS ")
                    .contains(Fingerprint.of(renewed.leaf()));

            IrcTestClient after = server.adopt(connect(server.tlsPort(), renewed.leaf(), null))
                    .register("bob");
            before.send("PRIVMSG #chatroom :still here");
            assertThat(after.expect("PRIVMSG")).endsWith(":still here");
            // a client that pinned the old certificate now sees a different one
            assertThatThrownBy(() -> connect(server.tlsPort(), old, null)).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void aBrokenCertificateFileOnReloadKeepsTheOldOne() throws Exception {
        var config = TestServer.config();
        try (TestServer server = new TestServer(config)) {
            String before = server.server().tlsCertificate().fingerprint();
            Files.writeString(config.dataDir().resolve("tls-key.pem"), "not a key\n");
            assertThat(server.admin.execute("/reload"))
                    .startsWith("TLS reload failed, the old certificate stays: ")
                    .contains("tls-key.pem");
            assertThat(server.server().tlsCertificate().fingerprint()).isEqualTo(before);
            server.adopt(connect(server.tlsPort(), serverCertificate(server), null))
                    .register("alice");
        }
    }

    @Test
    void saslExternalWithARealClientCertificate() throws Exception {
        Pem.Identity mine = SelfSigned.forClient("alice", Duration.ofDays(30));
        try (TestServer server = TestServer.start()) {
            IrcTestClient reg = server.adopt(connect(server.tlsPort(), serverCertificate(server), mine))
                    .register("alice");
            reg.send("REGISTER * * correct-horse");
            assertThat(reg.expect("REGISTER SUCCESS")).contains("your client certificate logs you in from now on");
            reg.send("QUIT");
            reg.awaitClosed();

            IrcTestClient back = server.adopt(connect(server.tlsPort(), serverCertificate(server), mine));
            back.send("CAP REQ :sasl").send("NICK alice").send("USER alice 0 * :Alice");
            back.expect("ACK");
            back.send("AUTHENTICATE EXTERNAL");
            back.expect("AUTHENTICATE \\+");
            back.send("AUTHENTICATE +");
            assertThat(back.expect(" 90[34] ")).endsWith(":SASL authentication successful");
            back.send("CAP END");
            back.expect(" 001 alice ");

            IrcTestClient stranger = server.adopt(connect(
                    server.tlsPort(), serverCertificate(server), SelfSigned.forClient("x", Duration.ofDays(1))));
            stranger.send("AUTHENTICATE EXTERNAL").send("AUTHENTICATE +");
            assertThat(stranger.expect(" 904 ")).contains("not linked to an account");
        }
    }

    @Test
    void plainTextOnTheTlsPortIsDroppedAndTheServerCarriesOn() throws Exception {
        try (TestServer server = TestServer.start()) {
            try (Socket raw = new Socket("127.0.0.1", server.tlsPort())) {
                raw.getOutputStream().write("NICK mallory\r\nUSER m 0 * :m\r\n".getBytes(StandardCharsets.US_ASCII));
                raw.setSoTimeout(10_000);
                byte[] buf = new byte[4096];
                int n;
                while ((n = raw.getInputStream().read(buf)) >= 0) {
                    assertThat(new String(buf, 0, n, StandardCharsets.ISO_8859_1))
                            .doesNotContain("001");
                }
            } catch (IOException e) {
                // a reset is as good as a close
            }
            server.adopt(connect(server.tlsPort(), serverCertificate(server), null))
                    .register("alice");
            IrcTestClient plain = server.join("bob");
            plain.send("CAP LS 302");
            assertThat(plain.expect("CAP")).doesNotContain("sts"); // self-signed: no STS
        }
    }

    @Test
    void passwordsAreAcceptedOverTlsFromAnyAddressPlainPortOnlyFromLoopback() throws Exception {
        try (TestServer server = TestServer.start()) {
            IrcTestClient a = server.adopt(connect(server.tlsPort(), serverCertificate(server), null))
                    .register("alice");
            a.send("REGISTER * * correct-horse");
            a.expect("REGISTER SUCCESS");
            IrcTestClient b = server.connect();
            b.send("CAP REQ :sasl").send("NICK alice").send("USER a 0 * :a");
            b.send("AUTHENTICATE PLAIN");
            b.expect("AUTHENTICATE \\+");
            b.send("AUTHENTICATE "
                    + Base64.getEncoder().encodeToString("\0alice\0correct-horse".getBytes(StandardCharsets.UTF_8)));
            assertThat(b.expect(" 90[034] ")).contains(" 900 ");
        }
    }
}

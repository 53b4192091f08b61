package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatroom.tls.Fingerprint;
import dev.chatroom.tls.SelfSigned;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trusting a server certificate no authority signed: ask once, pin, refuse a changed one loudly. */
class ServerTrustTest {
    @TempDir
    Path dir;

    final X509Certificate cert =
            SelfSigned.forServer("localhost", Duration.ofDays(1)).leaf();
    final List<String> asked = new ArrayList<>();

    ServerTrust trust(boolean insecure, boolean answer) {
        return new ServerTrust(
                "chat.example.org",
                6697,
                insecure,
                new KnownServers(dir.resolve("known_servers")),
                fp -> {
                    asked.add(fp);
                    return answer ? ClientTls.Answer.YES : ClientTls.Answer.NO;
                },
                new HashMap<>());
    }

    ServerTrust.Verdict saw(X509Certificate c) {
        ServerTrust.Verdict v = new ServerTrust.Verdict();
        v.checkServerTrusted(new X509Certificate[] {c}, "ECDHE_ECDSA");
        return v;
    }

    @Test
    void askedOnceThenPinned() throws Exception {
        trust(false, true).decide(saw(cert));
        assertThat(asked).containsExactly(Fingerprint.of(cert));
        assertThat(Files.readString(dir.resolve("known_servers")))
                .isEqualTo("chat.example.org:6697 " + Fingerprint.of(cert) + "\n");
        trust(false, false).decide(saw(cert)); // pinned: not asked again, even by someone who would say no
        assertThat(asked).hasSize(1);
    }

    @Test
    void noIsRefusedAndNothingIsPinned() {
        assertThatThrownBy(() -> trust(false, false).decide(saw(cert))).hasMessage("Not trusted; not connecting.");
        assertThat(dir.resolve("known_servers")).doesNotExist();
    }

    @Test
    void aChangedCertificateIsRefusedWithHowToRemoveThePin() throws Exception {
        Files.writeString(
                dir.resolve("known_servers"),
                "# pins\nother:6697 " + Fingerprint.of(cert) + "\nchat.example.org:6697 " + Fingerprint.of(cert)
                        + "\n");
        X509Certificate other =
                SelfSigned.forServer("localhost", Duration.ofDays(1)).leaf();
        assertThatThrownBy(() -> trust(false, true).decide(saw(other)))
                .hasMessageContaining("WARNING: THE CERTIFICATE OF chat.example.org:6697 HAS CHANGED!")
                .hasMessageContaining("Pinned:   " + Fingerprint.of(cert))
                .hasMessageContaining("Now sent: " + Fingerprint.of(other))
                .hasMessageContaining("remove line 3 of " + dir.resolve("known_servers"));
        assertThat(asked).isEmpty();
    }

    @Test
    void withoutATerminalNothingIsAskedAndThePinOrInsecureIsNamed() {
        ServerTrust script = new ServerTrust(
                "chat.example.org",
                6697,
                false,
                new KnownServers(dir.resolve("known_servers")),
                fp -> ClientTls.Answer.CANNOT_ASK,
                new HashMap<>());
        assertThatThrownBy(() -> script.decide(saw(cert)))
                .hasMessage(
                        "The certificate of chat.example.org:6697 is not signed by a known authority (SHA-256 fingerprint "
                                + Fingerprint.of(cert)
                                + "). Pin it by running chatroom join --tls once in a terminal, or use --insecure.");
        assertThat(dir.resolve("known_servers")).doesNotExist();
    }

    @Test
    void pinsAreFoundWhateverTheCaseOfTheHostAndFingerprint() throws Exception {
        Files.writeString(
                dir.resolve("known_servers"),
                "  # comment\n\nChat.Example.ORG:6697 " + Fingerprint.of(cert).toUpperCase() + "\n");
        KnownServers known = new KnownServers(dir.resolve("known_servers"));
        assertThat(known.find("chat.example.org", 6697)).isEqualTo(new KnownServers.Pin(Fingerprint.of(cert), 3));
        assertThat(known.find("chat.example.org", 6667)).isNull();
        assertThat(KnownServers.key("::1", 6697)).isEqualTo("[::1]:6697");
    }

    @Test
    void thePinFileIsTheUsersOnly() throws Exception {
        Path file = dir.resolve("new/chatroom/known_servers");
        new KnownServers(file).add("h", 1, Fingerprint.of(cert));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void insecureChecksNothing() throws Exception {
        trust(true, false).decide(saw(cert));
        assertThat(asked).isEmpty();
        assertThat(dir.resolve("known_servers")).doesNotExist();
    }
}

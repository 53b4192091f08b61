package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatroom.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client over real TLS to the real server on 127.0.0.1 (its generated self-signed
 * certificate): asked once and pinned, the pin reused, a changed pin refused; SASL PLAIN and
 * a registered name; who is logged in, as the server tells it.
 */
class ClientTlsTest {
    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    private ClientTls tls(ClientTls.Answer answer) {
        return new ClientTls(false, null, new KnownServers(dir.resolve("known_servers")), fp -> {
            asked.add(fp);
            return answer;
        });
    }

    /** A client of the server's TLS port, not connected yet, closed after the test. */
    private Recorder recorder(TestServer s, ClientTls t) {
        Recorder r = new Recorder(s.tlsPort(), t);
        open.add(r);
        return r;
    }

    private TestServer server() throws Exception {
        TestServer s = TestServer.start();
        open.add(s);
        return s;
    }

    @Test
    void askedOncePinnedAndNotAskedAgain() throws Exception {
        TestServer s = server();
        ClientTls t = tls(ClientTls.Answer.YES);
        Recorder first = recorder(s, t);
        first.client.connect().register("alice");
        first.await(ClientEvent.Welcome.class, w -> true);
        assertThat(asked).hasSize(1);
        assertThat(Files.readString(dir.resolve("known_servers")))
                .isEqualTo("127.0.0.1:" + s.tlsPort() + " " + asked.get(0) + "\n");

        Recorder again = recorder(s, tls(ClientTls.Answer.NO)); // a new run: the pin decides, nobody is asked
        again.client.connect().register("bob");
        again.await(ClientEvent.Welcome.class, w -> true);
        assertThat(asked).hasSize(1);
    }

    @Test
    void withoutTerminalOrPinNothingIsSentAndItSaysHowToPin() throws Exception {
        TestServer s = server();
        Recorder r = recorder(s, tls(ClientTls.Answer.CANNOT_ASK));
        assertThatThrownBy(r.client::connect)
                .isInstanceOf(ClientTls.Refused.class)
                .hasMessageContaining("is not signed by a known authority")
                .hasMessageContaining("--insecure");
        assertThat(dir.resolve("known_servers")).doesNotExist();
    }

    @Test
    void aChangedCertificateIsRefusedLoudly() throws Exception {
        TestServer s = server();
        Files.writeString(
                dir.resolve("known_servers"), "# mine\n127.0.0.1:" + s.tlsPort() + " " + "ab:".repeat(31) + "ab\n");
        Recorder r = recorder(s, tls(ClientTls.Answer.YES));
        assertThatThrownBy(r.client::connect)
                .isInstanceOf(ClientTls.Refused.class)
                .hasMessageContaining("WARNING: THE CERTIFICATE OF 127.0.0.1:" + s.tlsPort() + " HAS CHANGED!")
                .hasMessageContaining("Someone may be intercepting")
                .hasMessageContaining("sed -i '2d' " + dir.resolve("known_servers"));
        assertThat(asked).isEmpty();
    }

    @Test
    void plainTextOnTheTlsPortIsAHandshakeFailure() throws Exception {
        TestServer s = server();
        ChatClient c = new ChatClient("127.0.0.1", s.port(), tls(ClientTls.Answer.YES), e -> {});
        open.add(c);
        assertThatThrownBy(c::connect)
                .isInstanceOf(IrcConnection.TlsFailed.class)
                .hasMessageStartingWith("TLS handshake failed (");
    }

    @Test
    void registerThenLogInAndTheNameIsProtectedAndMarked() throws Exception {
        TestServer s = server();
        ClientTls t = tls(ClientTls.Answer.YES);
        Recorder alice = recorder(s, t);
        alice.client.connect().register("alice");
        alice.await(ClientEvent.Welcome.class, w -> true);
        alice.client.command("REGISTER * * :correct-horse");
        alice.await(
                ClientEvent.Info.class,
                i -> i.text().startsWith("Account alice registered; you are logged in. Next time: --login"));
        alice.client.quit(null);
        alice.client.closed().get(10, TimeUnit.SECONDS);

        Recorder impostor = recorder(s, t);
        impostor.client.connect().register("alice");
        assertThat(impostor.await(ClientEvent.NameRefused.class, n -> true).registered())
                .isTrue();
        impostor.client.retryNick("bob");
        impostor.await(ClientEvent.Welcome.class, w -> true);

        Recorder wrong = recorder(s, t);
        wrong.client.loginWith(null, "battery-staple", false);
        wrong.client.connect().register("alice");
        wrong.await(ClientEvent.LoginFailed.class, f -> f.account().equals("alice"));
        wrong.client.logInNow("alice", "correct-horse"); // asked once more, on the same connection
        wrong.await(ClientEvent.LoggedIn.class, l -> l.account().equals("alice"));
        wrong.await(ClientEvent.Welcome.class, w -> w.nick().equals("alice"));

        impostor.await(ClientEvent.Joined.class, j -> j.nick().equals("alice"));
        assertThat(impostor.client.accountOf("alice")).isEqualTo("alice"); // extended-join
        assertThat(impostor.client.accountOf("bob")).isNull();
        wrong.client.send("#chatroom", "it is me", false);
        ClientEvent.Chat chat =
                impostor.await(ClientEvent.Chat.class, c -> c.text().equals("it is me"));
        assertThat(chat.account()).isEqualTo("alice");
    }
}

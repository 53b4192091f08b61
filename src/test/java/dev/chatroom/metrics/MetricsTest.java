package dev.chatroom.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatroom.config.HostPort;
import dev.chatroom.launch.StartException;
import dev.chatroom.testing.Await;
import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.TestServer;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics setting on a real server on 127.0.0.1: real IRC clients, scraped over real HTTP. */
class MetricsTest {
    private static final HostPort ANY_PORT = new HostPort("127.0.0.1", 0);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void valuesMoveWithRealTraffic() throws Exception {
        try (TestServer server = new TestServer(TestServer.config(b -> b.metrics(ANY_PORT)))) {
            HostPort at = server.server().metricsAddress();
            Scrape before = Scrape.metrics(at);
            assertThat(before.status()).isEqualTo(200);
            assertThat(before.value("chatroom_users")).isZero();
            assertThat(before.value("chatroom_connections{transport=\"plain\"}"))
                    .isZero();
            assertThat(before.value("chatroom_rooms")).isEqualTo(1);
            assertThat(before.value("chatroom_messages_total")).isZero();

            IrcTestClient alice = server.join("alice");
            IrcTestClient bob = server.adopt(tls(server)).register("bob");
            alice.send("PRIVMSG #chatroom :hello");
            bob.expect("PRIVMSG #chatroom :hello");
            alice.send("PRIVMSG bob :psst");
            bob.expect("PRIVMSG bob :psst");
            alice.send("JOIN #other");
            alice.expect(" 366 alice #other ");

            Scrape s = Scrape.metrics(at);
            assertThat(s.value("chatroom_users")).isEqualTo(2);
            assertThat(s.value("chatroom_connections{transport=\"plain\"}")).isEqualTo(1);
            assertThat(s.value("chatroom_connections{transport=\"tls\"}")).isEqualTo(1);
            assertThat(s.value("chatroom_connections{transport=\"ssh\"}")).isZero();
            assertThat(s.value("chatroom_rooms")).isEqualTo(2);
            assertThat(s.value("chatroom_messages_total")).isEqualTo(2);
            assertThat(s.value("chatroom_deliveries_total")).isEqualTo(2);
            assertThat(s.value("chatroom_bytes_received_total")).isGreaterThan(100);
            assertThat(s.value("chatroom_bytes_sent_total")).isGreaterThan(before.value("chatroom_bytes_sent_total"));
            assertThat(s.value("chatroom_history_queue")).isGreaterThanOrEqualTo(0);
            assertThat(s.value("chatroom_output_budget_used_bytes")).isGreaterThanOrEqualTo(0);
            assertThat(s.value("chatroom_cluster_nodes"))
                    .as("only in a cluster")
                    .isEqualTo(-1);

            alice.send("REGISTER * * correct-horse");
            alice.expect("REGISTER SUCCESS");
            IrcTestClient mallory = server.connect();
            mallory.send("CAP REQ :sasl");
            mallory.sendRegistration("mallory");
            mallory.send("AUTHENTICATE PLAIN");
            mallory.expect("AUTHENTICATE \\+");
            mallory.send("AUTHENTICATE " + plain("alice", "a wrong guess"));
            bob.send("QUIT :bye");
            bob.awaitClosed();
            Scrape after = Await.until(
                    "the registration, the failed login and the quit counted",
                    WAIT,
                    () -> Scrape.metrics(at),
                    m -> m.value("chatroom_logins_failed_total") == 1
                            && m.value("chatroom_disconnects_total{reason=\"quit\"}") == 1);
            assertThat(after.value("chatroom_registrations_total")).isEqualTo(1);
            assertThat(after.value("chatroom_users")).isEqualTo(1);
            assertThat(after.value("chatroom_connections{transport=\"tls\"}")).isZero();
            assertThat(after.value("chatroom_connections{transport=\"plain\"}"))
                    .as("alice, and mallory registering")
                    .isEqualTo(2);
            assertThat(after.value("chatroom_disconnects_total{reason=\"ping_timeout\"}"))
                    .as("every reason is there from the start")
                    .isZero();
            assertThat(after.body()).contains("jvm_memory_used_bytes", "process_cpu_seconds_total");
        }
    }

    @Test
    void promtoolAcceptsWhatIsServed(@TempDir Path dir) throws Exception {
        try (TestServer server = new TestServer(TestServer.config(b -> b.metrics(ANY_PORT)))) {
            IrcTestClient alice = server.join("alice");
            server.join("bob");
            alice.send("PRIVMSG #chatroom :hello");
            alice.send("QUIT");
            alice.awaitClosed();
            Promtool.accepts(Scrape.metrics(server.server().metricsAddress()).body(), dir);
        }
    }

    @Test
    void healthIs503WhileTheEventLoopIsBlockedAndOkOnceItRunsAgain() throws Exception {
        try (TestServer server = new TestServer(TestServer.config(b -> b.metrics(ANY_PORT)))) {
            HostPort at = server.server().metricsAddress();
            assertThat(Scrape.get(at, "/healthz")).isEqualTo(new Scrape(200, "ok\n"));
            CountDownLatch blocked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            server.server().call(h -> {
                blocked.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            });
            try {
                assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
                Scrape health = Scrape.get(at, "/healthz");
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.body()).isEqualTo("the event loop did not answer within a second\n");
                Scrape metrics = Scrape.metrics(at);
                assertThat(metrics.status()).isEqualTo(200);
                assertThat(metrics.body()).as("no stale values").doesNotContain("chatroom_");
                assertThat(metrics.body()).contains("jvm_threads_current");
            } finally {
                release.countDown();
            }
            assertThat(Await.until("/healthz ok again", WAIT, () -> Scrape.get(at, "/healthz"), h -> h.status() == 200)
                            .body())
                    .isEqualTo("ok\n");
            assertThat(Scrape.metrics(at).value("chatroom_users")).isZero();
            assertThat(Scrape.get(at, "/elsewhere").status()).isEqualTo(404);
        }
    }

    @Test
    void readyOnceStartedNotReadyFromTheMomentItStops() throws Exception {
        TestServer server = new TestServer(TestServer.config(b -> b.metrics(ANY_PORT)));
        HostPort at = server.server().metricsAddress();
        assertThat(Scrape.get(at, "/readyz")).isEqualTo(new Scrape(200, "ready\n"));
        // the loop held up: stopping waits for it, and meanwhile the server says it is not ready
        CountDownLatch release = new CountDownLatch(1);
        server.server().call(h -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        Thread stopping = new Thread(server.server()::close, "test-stop");
        stopping.start();
        try {
            assertThat(Await.until("/readyz 503", WAIT, () -> Scrape.get(at, "/readyz"), r -> r.status() != 200))
                    .isEqualTo(new Scrape(503, "not ready\n"));
        } finally {
            release.countDown();
            stopping.join(TimeUnit.SECONDS.toMillis(30));
            server.close();
        }
        assertThatThrownBy(() -> Scrape.get(at, "/readyz"))
                .as("closed with the server")
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void anAddressInUseStopsTheStartWithOneClearLine() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            HostPort at = new HostPort("127.0.0.1", taken.getLocalPort());
            assertThatThrownBy(() -> new TestServer(TestServer.config(b -> b.metrics(at))))
                    .isInstanceOf(StartException.class)
                    .hasMessage("Cannot serve metrics on " + at + ": address already in use");
        }
    }

    /** A TLS connection to the server's TLS port, trusting its certificate alone. */
    private static SSLSocket tls(TestServer server) throws Exception {
        X509Certificate cert = server.server().tlsCertificate().leaf();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", server.tlsPort());
        s.startHandshake();
        return s;
    }

    private static String plain(String account, String password) {
        return Base64.getEncoder().encodeToString(("\0" + account + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }
}

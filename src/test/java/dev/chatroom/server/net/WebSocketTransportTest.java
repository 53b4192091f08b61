package dev.chatroom.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.HostPort;
import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.config.Settings;
import dev.chatroom.testing.Await;
import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.TestServer;
import dev.chatroom.testing.WebSocketTestClient;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Real WebSocket connections (Netty's client) to the server's web port on 127.0.0.1, beside TCP clients. */
class WebSocketTransportTest {

    private static TestServer server(Consumer<Settings> changes) throws Exception {
        return new TestServer(TestServer.config(b -> {
            b.web(w -> w.port(0));
            changes.accept(b);
        }));
    }

    private static HttpHeaders headers(String name, String value) {
        return new DefaultHttpHeaders().set(name, value);
    }

    @Test
    void aBrowserChatsWithATcpClientInTheSameRoomOverText() throws Exception {
        try (TestServer server = server(b -> {});
                WebSocketTestClient web = new WebSocketTestClient(server.webPort(), "text.ircv3.net", null)) {
            assertThat(web.subprotocol()).isEqualTo("text.ircv3.net");
            web.register("webby");
            IrcTestClient alice = server.join("alice");
            web.expect("^text::alice!~alice@127\\.0\\.0\\.1 JOIN #chatroom$");

            web.send("PRIVMSG #chatroom :hello from the browser");
            alice.expect("^:webby!~webby@127\\.0\\.0\\.1 PRIVMSG #chatroom :hello from the browser$");
            alice.send("PRIVMSG #chatroom :héllo, web");
            web.expect("^text::alice!~alice@127\\.0\\.0\\.1 PRIVMSG #chatroom :héllo, web$");
            alice.send("PRIVMSG webby :psst");
            web.expect("^text::alice!\\S+ PRIVMSG webby :psst$");
        }
    }

    @Test
    void binaryIsUsedWhenTheClientPrefersItAndTextWhenItAsksForNone() throws Exception {
        try (TestServer server = server(b -> {});
                WebSocketTestClient bin =
                        new WebSocketTestClient(server.webPort(), "binary.ircv3.net,text.ircv3.net", null);
                WebSocketTestClient plain = new WebSocketTestClient(server.webPort(), null, null)) {
            assertThat(bin.subprotocol()).isEqualTo("binary.ircv3.net");
            bin.binary = true;
            bin.register("bin");
            assertThat(plain.subprotocol()).isNull();
            plain.register("plain");
            bin.expect("^binary::plain!\\S+ JOIN #chatroom$");

            bin.send("PRIVMSG #chatroom :bytes, üñí");
            plain.expect("^text::bin!\\S+ PRIVMSG #chatroom :bytes, üñí$");
            plain.send("PRIVMSG #chatroom :back");
            bin.expect("^binary::plain!\\S+ PRIVMSG #chatroom :back$");
        }
    }

    @Test
    void aPageFromElsewhereIsRefusedAndTheListenersOwnOrAnAllowedOneMayConnect() throws Exception {
        try (TestServer server = server(b -> {})) {
            int port = server.webPort();
            try (var evil =
                    new WebSocketTestClient(port, "text.ircv3.net", headers("Origin", "https://evil.example"))) {
                assertThat(evil.refusedWith()).isEqualTo(403);
            }
            try (var own =
                    new WebSocketTestClient(port, "text.ircv3.net", headers("Origin", "http://127.0.0.1:" + port))) {
                assertThat(own.refusedWith()).isZero();
                own.register("own");
            }
        }
        try (TestServer server = server(b -> b.web(w -> w.origins(List.of("https://chat.example.org"))))) {
            int port = server.webPort();
            try (var allowed =
                    new WebSocketTestClient(port, "text.ircv3.net", headers("Origin", "https://chat.example.org"))) {
                assertThat(allowed.refusedWith()).isZero();
                allowed.register("allowed");
            }
            try (var own =
                    new WebSocketTestClient(port, "text.ircv3.net", headers("Origin", "http://127.0.0.1:" + port))) {
                assertThat(own.refusedWith()).isEqualTo(403);
            }
        }
    }

    @Test
    void xForwardedForNamesTheClientOnlyFromATrustedProxy() throws Exception {
        HttpHeaders forwarded = headers("X-Forwarded-For", "198.51.100.9, 203.0.113.7");
        try (TestServer server = server(b -> b.web(w -> w.trustedProxies(List.of("127.0.0.0/8"))));
                WebSocketTestClient web = new WebSocketTestClient(server.webPort(), "text.ircv3.net", forwarded)) {
            web.register("proxied");
            IrcTestClient alice = server.join("alice");
            alice.send("WHOIS proxied");
            alice.expect(" 311 alice proxied ~proxied 203\\.0\\.113\\.7 ");
        }
        try (TestServer server = server(b -> {});
                WebSocketTestClient web = new WebSocketTestClient(server.webPort(), "text.ircv3.net", forwarded)) {
            web.register("direct");
            IrcTestClient alice = server.join("alice");
            alice.send("WHOIS direct");
            alice.expect(" 311 alice direct ~direct 127\\.0\\.0\\.1 ");
        }
    }

    @Test
    void lineBreaksInsideAMessageAndOverlongOnesGetTheTcpAnswers() throws Exception {
        try (TestServer server = server(b -> {});
                WebSocketTestClient web = new WebSocketTestClient(server.webPort(), "text.ircv3.net", null)) {
            web.register("webby");
            IrcTestClient alice = server.join("alice");
            web.send("PRIVMSG #chatroom :broken\rline");
            web.expect("NOTICE webby :Your line was dropped: it contains a NUL, CR or LF character\\.$");
            web.send("PRIVMSG #chatroom :broken\nline");
            web.expect("NOTICE webby :Your line was dropped: it contains a NUL, CR or LF character\\.$");
            web.send("PRIVMSG #chatroom :" + "x".repeat(9000));
            web.expect(" 417 webby :Input line was too long$");
            web.send("PRIVMSG #chatroom :still here");
            alice.expect("PRIVMSG #chatroom :still here$");
            assertThat(alice.history()).noneMatch(l -> l.contains("broken") || l.contains("xxx"));
        }
    }

    @Test
    void aTextFrameOfInvalidUtf8EndsTheConnectionAndABinaryOneIsReadAsOnTcp() throws Exception {
        byte[] latin1 = "PRIVMSG #chatroom :caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        try (TestServer server = server(b -> {});
                WebSocketTestClient web = new WebSocketTestClient(server.webPort(), "text.ircv3.net", null)) {
            web.register("webby");
            IrcTestClient alice = server.join("alice");
            web.binary = true;
            web.sendBytes(latin1);
            web.expect(":chatroom FAIL \\* INVALID_UTF8 :Your line was dropped: it is not valid UTF-8\\.$");
            web.binary = false;
            web.sendBytes(latin1);
            web.expect("^close:1007$");
            web.awaitClosed();
            alice.expect(":webby!\\S+ QUIT :");
        }
    }

    @Test
    void repliesToATextClientNeverCarryInvalidUtf8() throws Exception {
        try (TestServer server = server(b -> {});
                WebSocketTestClient web = new WebSocketTestClient(server.webPort(), "text.ircv3.net", null)) {
            web.register("webby");
            IrcTestClient alice = server.join("alice");
            alice.sendRaw("PRIVMSG webby :caf\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1));
            alice.send("PRIVMSG webby :after");
            // the server refuses invalid UTF-8 as it comes in: nothing invalid reaches the text client
            web.expect("PRIVMSG webby :after$");
            assertThat(web.sync()).isEmpty();
        }
    }

    @Test
    void aCloseFrameIsALostConnection() throws Exception {
        try (TestServer server = server(b -> {});
                WebSocketTestClient web = new WebSocketTestClient(server.webPort(), "text.ircv3.net", null)) {
            web.register("webby");
            IrcTestClient alice = server.join("alice");
            web.closeFrame();
            web.awaitClosed();
            alice.expect(":webby!\\S+ QUIT :connection lost$");
        }
    }

    @Test
    void quitIsAnsweredWithErrorAndACloseFrame() throws Exception {
        try (TestServer server = server(b -> {});
                WebSocketTestClient web = new WebSocketTestClient(server.webPort(), "text.ircv3.net", null)) {
            web.register("webby");
            IrcTestClient alice = server.join("alice");
            web.send("QUIT :bye now");
            web.expect("^text:ERROR :");
            web.expect("^close:1000$");
            web.awaitClosed();
            alice.expect(":webby!\\S+ QUIT :bye now$");
        }
    }

    @Test
    void aWebSocketClientWaitsForApprovalLikeAnyOther() throws Exception {
        try (TestServer server = server(b -> b.approve(ApprovalPolicy.ASK));
                WebSocketTestClient web = new WebSocketTestClient(server.webPort(), "text.ircv3.net", null)) {
            web.send("NICK webby");
            web.send("USER webby 0 * :Web");
            server.expectEvent("webby \\(no account, 127\\.0\\.0\\.1\\) wants to join");
            assertThat(web.sync()).noneMatch(m -> m.contains(" 001 "));
            server.admin.execute("y");
            web.expect(" 001 webby ");
            web.expect(" 366 webby ");
        }
    }

    @Test
    void metricsCountWebSocketConnections() throws Exception {
        try (TestServer server = server(b -> b.metrics(new HostPort("127.0.0.1", 0)));
                WebSocketTestClient web = new WebSocketTestClient(server.webPort(), "text.ircv3.net", null)) {
            web.register("webby");
            server.join("alice");
            HostPort at = server.server().metricsAddress();
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + at.port() + "/metrics");
            Await.until("a scrape with the websocket connection", IrcTestClient.TIMEOUT, () -> {
                String body = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                        .body();
                return body.contains("chatroom_connections{transport=\"websocket\"} 1.0")
                        && body.contains("chatroom_connections{transport=\"plain\"} 1.0");
            });
        }
    }
}

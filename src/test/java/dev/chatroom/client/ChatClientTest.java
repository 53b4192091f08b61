package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client library against a real server on 127.0.0.1. */
class ChatClientTest {
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    /** A client connected to the port, closed after the test. */
    private Recorder connect(int port) throws IOException {
        Recorder r = new Recorder(port, null);
        open.add(r);
        r.client.connect();
        return r;
    }

    private TestServer server(ApprovalPolicy policy) throws Exception {
        TestServer s = new TestServer(TestServer.config(b -> b.approve(policy)));
        open.add(s);
        return s;
    }

    private Recorder joined(TestServer s, String nick) throws Exception {
        Recorder r = connect(s.port());
        r.client.register(nick);
        r.await(ClientEvent.Welcome.class);
        return r;
    }

    @Test
    void joinsAndSeesTheRoom() throws Exception {
        TestServer s = server(ApprovalPolicy.ALL);
        Recorder alice = joined(s, "alice");
        Recorder bob = connect(s.port());
        bob.client.register("bob");
        ClientEvent.Welcome w = bob.await(ClientEvent.Welcome.class);
        assertThat(w.room()).isEqualTo("#chatroom");
        assertThat(w.members()).containsExactly("alice", "bob");
        assertThat(alice.await(ClientEvent.Joined.class).nick()).isEqualTo("bob");
        assertThat(bob.client.members()).containsExactlyInAnyOrder("alice", "bob");
    }

    @Test
    void broadcastIsSeenByOthersAndEchoedToTheSenderWithServerTime() throws Exception {
        TestServer s = server(ApprovalPolicy.ALL);
        Recorder alice = joined(s, "alice");
        Recorder bob = joined(s, "bob");
        alice.client.send(alice.client.room(), "hello room", false);
        ClientEvent.Chat echo = alice.await(ClientEvent.Chat.class);
        assertThat(echo.from()).isEqualTo("alice");
        assertThat(echo.room()).isEqualTo("#chatroom");
        ClientEvent.Chat got = bob.await(ClientEvent.Chat.class);
        assertThat(got.text()).isEqualTo("hello room");
        assertThat(got.time()).isEqualTo(echo.time()); // both from the server's time tag
    }

    @Test
    void privateColoredMessageReachesOnlyItsTarget() throws Exception {
        TestServer s = server(ApprovalPolicy.ALL);
        Recorder alice = joined(s, "alice");
        Recorder bob = joined(s, "bob");
        IrcTestClient carol = s.join("carol");
        Action.Send a = (Action.Send) Input.parse("/private bob /color green see you at 5");
        alice.client.send(a.to(), a.text(), a.action());
        ClientEvent.Chat got = bob.await(ClientEvent.Chat.class);
        assertThat(got.room()).isNull();
        assertThat(got.from()).isEqualTo("alice");
        assertThat(got.text()).isEqualTo("\u000303see you at 5\u000F");
        ClientEvent.Chat echo = alice.await(ClientEvent.Chat.class, c -> c.to() != null);
        assertThat(echo.to()).isEqualTo("bob");
        alice.client.send(alice.client.room(), "marker", false);
        bob.await(ClientEvent.Chat.class, c -> c.text().equals("marker"));
        assertThat(carol.expect("PRIVMSG")).endsWith(":marker"); // carol's first message is the public one
    }

    @Test
    void meIsSentAsCtcpAction() throws Exception {
        TestServer s = server(ApprovalPolicy.ALL);
        Recorder alice = joined(s, "alice");
        IrcTestClient raw = s.join("raw");
        alice.client.send(alice.client.room(), "waves", true);
        assertThat(raw.expect("PRIVMSG"))
                .isEqualTo(":alice!~alice@127.0.0.1 PRIVMSG #chatroom :\u0001ACTION waves\u0001");
        raw.send("PRIVMSG #chatroom :\u0001ACTION nods\u0001");
        ClientEvent.Chat c = alice.await(ClientEvent.Chat.class, x -> x.from().equals("raw"));
        assertThat(c.action()).isTrue();
        assertThat(c.text()).isEqualTo("nods");
    }

    @Test
    void unknownUserIsAProblem() throws Exception {
        TestServer s = server(ApprovalPolicy.ALL);
        Recorder alice = joined(s, "alice");
        alice.client.send("ghost", "boo", false);
        assertThat(alice.await(ClientEvent.Problem.class).text()).isEqualTo("No such user: ghost");
    }

    @Test
    void longMessagesAreSplitAndAllArrive() throws Exception {
        TestServer s = server(ApprovalPolicy.ALL);
        Recorder alice = joined(s, "alice");
        IrcTestClient raw = s.join("raw");
        String text = "0123456789 ".repeat(120) + "END";
        alice.client.send(alice.client.room(), text, false);
        StringBuilder got = new StringBuilder();
        while (!got.toString().endsWith("END")) {
            String line = raw.expect("PRIVMSG");
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(510);
            if (got.length() > 0) got.append(' ');
            got.append(line.substring(line.indexOf(" :") + 2));
        }
        assertThat(got.toString()).isEqualTo(text);
        assertThat(alice.seen).noneMatch(e -> e instanceof ClientEvent.Problem);
    }

    @Test
    void leavingIsAnnouncedAndClosesCleanly() throws Exception {
        TestServer s = server(ApprovalPolicy.ALL);
        Recorder alice = joined(s, "alice");
        Recorder bob = joined(s, "bob");
        bob.client.quit(null);
        ClientEvent.Closed closed = bob.client.closed().get(10, TimeUnit.SECONDS);
        assertThat(closed.byUs()).isTrue();
        ClientEvent.Left left = alice.await(ClientEvent.Left.class);
        assertThat(left.nick()).isEqualTo("bob");
        assertThat(left.reason()).isEqualTo("left the chat");
        assertThat(alice.client.members()).containsExactly("alice");
    }

    @Test
    void nickInUseCanBeRetried() throws Exception {
        TestServer s = server(ApprovalPolicy.ALL);
        joined(s, "bob");
        Recorder second = connect(s.port());
        second.client.register("BOB");
        ClientEvent.NameRefused refused = second.await(ClientEvent.NameRefused.class);
        assertThat(refused.name()).isEqualTo("BOB");
        assertThat(refused.reason()).isEqualTo("is already taken");
        second.client.retryNick("bobby");
        assertThat(second.await(ClientEvent.Welcome.class).nick()).isEqualTo("bobby");
    }

    @Test
    void waitingThenRejectedWithTheAdminsReason() throws Exception {
        TestServer s = server(ApprovalPolicy.ASK);
        Recorder eve = connect(s.port());
        eve.client.register("eve");
        eve.await(ClientEvent.Waiting.class);
        s.admin.execute("/reject eve not today");
        ClientEvent.Closed closed = eve.await(ClientEvent.Closed.class);
        assertThat(closed.beforeAccepted()).isTrue();
        assertThat(closed.byUs()).isFalse();
        assertThat(closed.reason()).isEqualTo("the admin rejected your request: not today");
    }

    @Test
    void waitingThenAccepted() throws Exception {
        TestServer s = server(ApprovalPolicy.ASK);
        Recorder zoe = connect(s.port());
        zoe.client.register("zoe");
        zoe.await(ClientEvent.Waiting.class);
        s.admin.execute("y");
        assertThat(zoe.await(ClientEvent.Welcome.class).members()).containsExactly("zoe");
    }

    @Test
    void usersAsksTheServer() throws Exception {
        TestServer s = server(ApprovalPolicy.ALL);
        Recorder alice = joined(s, "alice");
        s.join("bob");
        alice.client.requestMembers("#chatroom");
        assertThat(alice.await(ClientEvent.Members.class).members()).containsExactly("alice", "bob");
    }

    @Test
    void serverShutdownIsShownWithItsReason() throws Exception {
        TestServer s = server(ApprovalPolicy.ALL);
        Recorder alice = joined(s, "alice");
        s.stopServer();
        ClientEvent.Closed closed = alice.await(ClientEvent.Closed.class);
        assertThat(closed.reason()).isEqualTo("Server shutting down");
        assertThat(closed.beforeAccepted()).isFalse();
        assertThat(closed.byUs()).isFalse();
    }

    @Test
    void aPeerThatJustHangsUpIsConnectionLost() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Recorder r = connect(peer.getLocalPort());
            r.client.register("alice");
            try (Socket accepted = peer.accept()) {
                accepted.getInputStream().read(); // the client's first byte has arrived
            }
            ClientEvent.Closed closed = r.await(ClientEvent.Closed.class);
            assertThat(closed.reason()).isEqualTo("connection lost");
            assertThat(closed.beforeAccepted()).isTrue();
        }
    }

    /** The server closes on QUIT; a line after it can reset the connection and destroy the server's last lines unread. */
    @Test
    void nothingIsSentAfterQuitFromAnyThread() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Recorder r = connect(peer.getLocalPort());
            r.client.register("alice");
            try (Socket accepted = peer.accept()) {
                var in = new java.io.BufferedReader(
                        new java.io.InputStreamReader(accepted.getInputStream(), StandardCharsets.UTF_8));
                r.client.quit(null);
                r.client.command("PRIVMSG #chatroom :typed after leaving");
                r.client.requestMembers("#chatroom");
                List<String> after = new ArrayList<>();
                boolean quit = false;
                String line;
                while ((line = in.readLine()) != null) {
                    if (quit) after.add(line);
                    if (line.startsWith("QUIT")) {
                        quit = true;
                        accepted.getOutputStream()
                                .write("ERROR :Closing link: bye\r\n".getBytes(StandardCharsets.UTF_8));
                        accepted.shutdownOutput(); // the client closes on the end, and then we read the end too
                    }
                }
                assertThat(quit).isTrue();
                assertThat(after).isEmpty();
            }
        }
    }

    @Test
    void refusedConnectionHasAPlainReason() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        ChatClient c = new ChatClient("127.0.0.1", port, null, e -> {});
        assertThatThrownBy(c::connect).isInstanceOf(IOException.class).hasMessage("connection refused");
    }
}

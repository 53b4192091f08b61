package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A whole session against a real server on 127.0.0.1 where a password is needed: the server's
 * password (given, asked for, missing, wrong) and /passwd's questions.
 */
class PasswordPromptsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SERVER_PASSWORD = "s3cret-door";

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    private TestServer guarded() throws Exception {
        TestServer s = new TestServer(TestServer.config(b -> b.password(SERVER_PASSWORD)));
        open.add(s);
        return s;
    }

    private static CompletableFuture<Integer> running(Session session) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return session.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void awaitShown(ScriptedUi ui, String text) throws InterruptedException {
        ui.awaitShown(text, WAIT);
    }

    private Session session(ScriptedUi ui, TestServer server, String name) {
        return new Session(ui, "127.0.0.1", server.port(), name, false, new SessionOptions(false, 10_000, 20, 100));
    }

    @Test
    void aServerPasswordGivenIsSentFirst() throws Exception {
        TestServer server = guarded();
        ScriptedUi ui = new ScriptedUi(false);
        CompletableFuture<Integer> exit = running(session(ui, server, "alice").serverPassword(SERVER_PASSWORD));
        awaitShown(ui, "Welcome to #chatroom, alice.");
        assertThat(ui.shown()).noneMatch(l -> l.startsWith("SECRET "));
        ui.type("\u0004");
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void atATerminalTheServerPasswordIsAskedForWhenTheServerWantsIt() throws Exception {
        TestServer server = guarded();
        IrcTestClient reg = server.connect();
        reg.send("PASS " + SERVER_PASSWORD).register("alice");
        reg.send("REGISTER * * correct-horse").expect("REGISTER SUCCESS");
        reg.send("QUIT").awaitClosed();

        ScriptedUi ui = new ScriptedUi(true);
        ui.type(SERVER_PASSWORD);
        Session session = session(ui, server, "alice").login(null, "correct-horse", false);
        CompletableFuture<Integer> exit = running(session);
        awaitShown(ui, "Welcome to #chatroom, alice.");
        assertThat(ui.shown())
                .contains("SECRET Server password for 127.0.0.1:" + server.port() + ": ", "Logged in as alice.");
        ui.type("/leave");
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aScriptWithoutTheServerPasswordIsToldWhereToPutIt() throws Exception {
        TestServer server = guarded();
        ScriptedUi ui = new ScriptedUi(false);
        CompletableFuture<Integer> exit = running(session(ui, server, "alice"));
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(Session.EXIT_REFUSED);
        assertThat(ui.shown())
                .contains("127.0.0.1:" + server.port() + " needs a server password: set CHATROOM_SERVER_PASSWORD.");
    }

    @Test
    void aWrongServerPasswordEndsTheSession() throws Exception {
        TestServer server = guarded();
        ScriptedUi ui = new ScriptedUi(false);
        CompletableFuture<Integer> exit = running(session(ui, server, "alice").serverPassword("not-it"));
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(Session.EXIT_REFUSED);
        assertThat(ui.shown()).contains("Bad password.");
    }

    @Test
    void passwdAsksForTheCurrentPasswordThenTheNewOneTwice() throws Exception {
        TestServer server = new TestServer(TestServer.config());
        open.add(server);
        IrcTestClient reg = server.connect();
        reg.register("alice").send("REGISTER * * correct-horse").expect("REGISTER SUCCESS");
        reg.send("QUIT").awaitClosed();

        ScriptedUi ui = new ScriptedUi(true);
        CompletableFuture<Integer> exit = running(session(ui, server, "alice").login(null, "correct-horse", false));
        awaitShown(ui, "Welcome to #chatroom, alice.");
        ui.type("/passwd");
        ui.type("correct-horse");
        ui.type("battery staple");
        ui.type("battery staple");
        awaitShown(ui, "Password changed.");
        assertThat(ui.shown())
                .containsSubsequence("SECRET Current password: ", "SECRET New password: ", "SECRET Again: ")
                .contains("/passwd ********");
        ui.type("/leave");
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();

        IrcTestClient check = server.connect();
        check.send("CAP REQ :sasl").sendRegistration("checker");
        check.send("AUTHENTICATE PLAIN").expect("AUTHENTICATE \\+");
        check.send("AUTHENTICATE "
                + Base64.getEncoder().encodeToString("\0alice\0battery staple".getBytes(StandardCharsets.UTF_8)));
        check.expect(" 903 ");
    }
}

package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.Await;
import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.TestServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Typing notices in a whole session against a real server on 127.0.0.1: what the line being typed
 * sends, the status line's "bob is typing…", and --no-typing turning both off.
 */
class SessionTypingTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static CompletableFuture<Integer> running(Session session) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return session.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void typingIsSentAndShownUntilTheMessage() throws Exception {
        try (TestServer server = TestServer.start()) {
            IrcTestClient bob = server.connect().registerWithCaps("bob", "message-tags");
            ScriptedUi ui = new ScriptedUi(true);
            Session session = new Session(
                    ui, "127.0.0.1", server.port(), "alice", false, new SessionOptions(false, 10_000, 20, 100, true));
            CompletableFuture<Integer> exit = running(session);
            ui.awaitShown("Welcome to #chatroom, alice.", WAIT);
            Await.until("the line being typed is followed", WAIT, () -> ui.typing != null);

            ui.typing.accept("hel");
            assertThat(bob.expect(" TAGMSG #chatroom")).contains("+typing=active");
            ui.type("hello");
            bob.expect("PRIVMSG #chatroom :hello");
            assertThat(bob.expect(" TAGMSG #chatroom")).contains("+typing=done");

            bob.send("@+typing=active TAGMSG #chatroom");
            ui.awaitStatus("| bob is typing…", WAIT);
            bob.send("PRIVMSG #chatroom :hi");
            ui.awaitShown("bob: hi", WAIT);
            Await.until( // his message ended it
                    "the status line without bob typing",
                    WAIT,
                    () -> !ui.statuses().get(ui.statuses().size() - 1).contains("typing"));

            ui.type("/leave");
            assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(Session.EXIT_OK);
        }
    }

    @Test
    void noTypingNeitherSendsNorShows() throws Exception {
        try (TestServer server = TestServer.start()) {
            IrcTestClient bob = server.connect().registerWithCaps("bob", "message-tags");
            ScriptedUi ui = new ScriptedUi(true);
            Session session = new Session(
                    ui, "127.0.0.1", server.port(), "alice", false, new SessionOptions(false, 10_000, 20, 100, false));
            CompletableFuture<Integer> exit = running(session);
            ui.awaitShown("Welcome to #chatroom, alice.", WAIT);

            bob.send("@+typing=active TAGMSG #chatroom");
            bob.send("PRIVMSG alice :after typing");
            ui.awaitShown("[private] bob: after typing", WAIT);
            assertThat(ui.statuses()).noneMatch(s -> s.contains("typing…"));

            ui.type("hello");
            bob.expect("PRIVMSG #chatroom :hello");
            assertThat(ui.typing)
                    .as("the input is read: it would have asked by now")
                    .isNull();
            ui.type("/leave");
            assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(Session.EXIT_OK);
            assertThat(bob.sync()).noneMatch(l -> l.contains("TAGMSG"));
        }
    }
}

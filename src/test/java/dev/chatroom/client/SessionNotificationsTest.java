package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.Await;
import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole session against a real server on 127.0.0.1: which messages alert the Ui, and the
 * commands that change it (/notify-level, /mute-room, /ignore), kept in the preferences file.
 * Nothing alerting is shown by a later line that does.
 */
class SessionNotificationsTest {
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

    private static Notifications.Alert lastAlert(ScriptedUi ui) {
        return ui.alerts().isEmpty() ? null : ui.alerts().get(ui.alerts().size() - 1);
    }

    @Test
    void privateMessagesAndMentionsAlertMutedRoomsAndIgnoredPeopleDoNot(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("preferences");
        try (TestServer server = TestServer.start()) {
            IrcTestClient bob = server.join("bob");
            IrcTestClient carol = server.join("carol");
            ScriptedUi ui = new ScriptedUi(true);
            Session session = new Session(
                            ui, "127.0.0.1", server.port(), "alice", false, new SessionOptions(false, 10_000, 20, 100))
                    .notifications(Notifications.Level.MENTIONS, Preferences.load(file));
            CompletableFuture<Integer> exit = running(session);
            ui.awaitShown("Welcome to #chatroom, alice.", WAIT);

            bob.send("PRIVMSG #chatroom :just talk");
            bob.send("PRIVMSG alice :psst");
            ui.awaitShown("[private] bob: psst", WAIT);
            alerts(ui, 1); // an event's alert comes right after its line, on the client's thread
            assertThat(ui.alerts()).containsExactly(new Notifications.Alert("bob (private)", "psst"));
            bob.send("PRIVMSG #chatroom :Alice, look");
            ui.awaitShown("bob: Alice, look", WAIT);
            alerts(ui, 2);
            assertThat(lastAlert(ui)).isEqualTo(new Notifications.Alert("bob in #chatroom", "Alice, look"));

            ui.type("/mute-room");
            ui.awaitShown("#chatroom is muted: no notifications from it.", WAIT);
            bob.send("PRIVMSG #chatroom :alice in a muted room");
            carol.send("PRIVMSG alice :after the muted mention");
            ui.awaitShown("[private] carol: after the muted mention", WAIT);
            alerts(ui, 3);
            assertThat(ui.alerts()).hasSize(3);
            assertThat(lastAlert(ui).title()).isEqualTo("carol (private)");

            ui.type("/ignore BOB");
            ui.awaitShown("Ignoring BOB: their messages are hidden.", WAIT);
            bob.send("PRIVMSG alice :ignored psst");
            bob.send("PRIVMSG #chatroom :ignored talk");
            carol.send("PRIVMSG #chatroom :carol talks");
            ui.awaitShown("carol: carol talks", WAIT);
            assertThat(ui.shown()).noneMatch(l -> l.contains("ignored"));
            assertThat(ui.alerts()).hasSize(3);

            ui.type("/notify-level none");
            ui.awaitShown("Notifications (none): none. Muted: #chatroom.", WAIT);
            carol.send("PRIVMSG alice :not alerting");
            ui.awaitShown("[private] carol: not alerting", WAIT);
            ui.type("/notify-level");
            ui.type("/ignore");
            ui.awaitShown("Ignoring BOB.", WAIT);
            assertThat(ui.alerts()).hasSize(3);
            assertThat(ui.shown()).contains("Notifications (none): none. Muted: #chatroom.");
            ui.type("/leave");
            assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();

            Preferences kept = Preferences.load(file);
            assertThat(kept.mutedRooms()).containsExactly("#chatroom");
            assertThat(kept.ignoredNicks()).containsExactly("BOB");
        }
    }

    /** Waits for the n-th alert: told after its event's line is shown. */
    private static void alerts(ScriptedUi ui, int n) throws Exception {
        Await.until(n + " alerts", WAIT, () -> ui.alerts().size() >= n);
    }
}

package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.testing.TestServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A whole session against a real server on 127.0.0.1 where the admin accepts each newcomer. */
class WaitingForTheAdminTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void waitingIsSaidOnceThenTheWelcome() throws Exception {
        try (TestServer server = new TestServer(TestServer.config(b -> b.approve(ApprovalPolicy.ASK)))) {
            ScriptedUi ui = new ScriptedUi(true);
            Session session = new Session(
                    ui, "127.0.0.1", server.port(), "alice", false, new SessionOptions(false, 10_000, 20, 100));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return session.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            ui.awaitShown("Waiting for the admin", WAIT);
            server.admin.execute("/accept alice");
            ui.awaitShown("Welcome to #chatroom, alice.", WAIT);
            ui.type("/leave");
            assertThat(exit.get(10, TimeUnit.SECONDS)).isZero(); // past the waiting, whoever printed it
            assertThat(ui.shown().stream().filter(l -> l.contains("Waiting for the admin")))
                    .containsExactly(
                            "Waiting for the admin to accept you... (Ctrl-C or /leave to give up; what you type is sent once you are in)");
        }
    }
}

package dev.chatroom.server.console;

import dev.chatroom.server.Hub;
import dev.chatroom.server.ServerAccess;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * What a console command holds of the server: its event loop, where the hub may be touched,
 * and the server itself for /reload and /shutdown. Commands run on the console's thread and
 * wait for the loop, so the room keeps going while the admin thinks.
 */
final class ConsoleSession {
    private final ServerAccess server;
    private volatile boolean stopped;

    ConsoleSession(ServerAccess server) {
        this.server = server;
    }

    ServerAccess server() {
        return server;
    }

    /** Runs f on the event loop and waits for its result. */
    <T> T onLoop(Function<Hub, T> f) {
        try {
            return server.call(f).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The server did not answer: " + e, e);
        }
    }

    /** Tells everyone and stops the server; the console stops reading. */
    void shutdown(String reason) {
        stopped = true;
        server.shutdown(reason);
    }

    boolean stopped() {
        return stopped;
    }
}

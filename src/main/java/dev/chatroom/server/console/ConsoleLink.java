package dev.chatroom.server.console;

import java.util.concurrent.CompletableFuture;

/**
 * Where a console's lines go: the server in this process ({@link AdminSessions.Attached}), or a
 * running server reached through its admin socket.
 */
public interface ConsoleLink {
    /** Runs a typed line; completes with its answer (exceptionally when the server is gone). */
    CompletableFuture<ConsoleAnswer> run(String line);

    /** True once the server stopped, or /shutdown ran: the console stops reading. */
    boolean stopped();
}

package dev.chatroom.server.console;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Names;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The console's commands on this server process: /purge of the history, /reload, /shutdown. */
final class ServerAdmin {
    private ServerAdmin() {}

    /** /purge <#room|nick>: waits (on the console's thread, never the loop's) for the store to say how many messages went. */
    static String purge(ConsoleLine line, ConsoleSession session) {
        String who = line.arg();
        boolean room = Names.isChannel(who);
        String key = Casemapping.fold(who);
        CompletableFuture<Integer> removed = new CompletableFuture<>();
        session.onLoop(hub -> {
            hub.history().purge(room ? key : null, room ? null : key, removed::complete);
            hub.replication().purged(room ? key : null, room ? null : key);
            return "";
        });
        try {
            int n = removed.get(30, TimeUnit.SECONDS);
            if (n < 0) return "Could not erase the history of " + who + " (see the message above).";
            String what = room ? "said in " + who : "said by or sent privately to " + who;
            return line.changed(
                    "Removed " + n + " message" + (n == 1 ? "" : "s") + " " + what + " from the history.",
                    "erased the history of " + who);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Interrupted.";
        } catch (ExecutionException | TimeoutException e) {
            return "The history did not answer in time; the erasing goes on in the background.";
        }
    }

    /** /reload: the TLS certificate files, read again. */
    static String reload(ConsoleLine line, ConsoleSession session) {
        return line.changed(session.server().reloadTls(), "read the TLS certificate files again");
    }

    /** /shutdown [reason] */
    static String shutdown(ConsoleLine line, ConsoleSession session) {
        String reason = line.text().isEmpty() ? null : line.text();
        line.announce("is shutting the server down" + (reason == null ? "" : ": " + reason));
        session.shutdown(reason);
        return "";
    }
}

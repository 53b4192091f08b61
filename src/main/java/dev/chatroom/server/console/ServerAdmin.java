package dev.chatroom.server.console;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Names;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Hub;
import dev.chatroom.server.Redactions;
import dev.chatroom.store.Conversation;
import dev.chatroom.store.StoredMessage;
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

    /**
     * /redact <#room|nick> <msgid> [reason]: deletes a message as the server, a room's or one of a
     * person's private messages (the nick of someone here, or an account); waits (on the console's
     * thread) for the message to be found.
     */
    static String redact(ConsoleLine line, ConsoleSession session) {
        String where = line.arg();
        String[] rest = line.rest().split("\\s+", 2);
        String msgid = rest[0];
        String reason = rest.length > 1 ? rest[1] : null;
        CompletableFuture<String> answer = new CompletableFuture<>();
        session.onLoop(hub -> {
            new Redactions(hub).find(conversation(hub, where), msgid, found -> {
                if (found == null) answer.complete("The history could not be read (see the message above).");
                else if (found.isEmpty()) answer.complete("No message " + msgid + " in the history of " + where + ".");
                else {
                    StoredMessage m = found.get();
                    new Redactions(hub).redact(m, hub.serverName(), reason, null, null);
                    answer.complete(line.changed(
                            "Deleted the message " + msgid + " from " + m.target() + ".",
                            "deleted the message " + msgid + " from " + m.target()));
                }
            });
            return "";
        });
        try {
            return answer.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Interrupted.";
        } catch (ExecutionException | TimeoutException e) {
            return "The history did not answer in time; nothing was deleted.";
        }
    }

    /** A room's messages, or every private conversation of the nick's account (the nick itself when nobody here has it). */
    private static Conversation conversation(Hub hub, String where) {
        if (Names.isChannel(where)) return Conversation.room(Casemapping.fold(where));
        Connection c = hub.users().findRegistered(where);
        String account = c != null && c.account() != null ? c.account() : where;
        return Conversation.direct(Casemapping.fold(account), null);
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

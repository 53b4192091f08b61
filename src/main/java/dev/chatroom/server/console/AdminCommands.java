package dev.chatroom.server.console;

import dev.chatroom.server.Hub;
import dev.chatroom.server.ServerAccess;
import java.time.Duration;

/**
 * What the admin can type at the server console, answered with the one line (or block) to show.
 * The console reads and prints; this class finds the verb's row in {@link ConsoleCommands},
 * applies the checks every verb gets (its usage, its cluster scope) and runs its handler. An
 * admin command reports its own effect; the hub's events report only what others did.
 */
public final class AdminCommands {
    /** An answer starting with this is shown on the console only, never written to the log file (a one-time password). */
    public static final String CONSOLE_ONLY = "\u0000console-only\u0000";

    private final ConsoleSession session;
    /** Who types here, as others are told: null for the admin console, an IRC operator's nick. */
    private final String by;

    public AdminCommands(ServerAccess server) {
        this(server, null);
    }

    /** The commands as an IRC operator types them (by: their nick). */
    AdminCommands(ServerAccess server, String by) {
        this.session = new ConsoleSession(server);
        this.by = by;
    }

    /** True once /shutdown ran: the console stops reading. */
    public boolean stopped() {
        return session.stopped();
    }

    /**
     * Like {@link #execute}, but an answer to the oldest request (y, n, a) typed before anyone
     * asked waits for the next request (up to the given time): a script piped into the console
     * answers requests as they come.
     */
    public String executeScripted(String line, Duration patience) throws InterruptedException {
        ConsoleCommand command = ConsoleCommands.find(ConsoleLine.verb(line.strip()));
        if (command != null && command.scope().answersOldest()) {
            long deadline = System.nanoTime() + patience.toNanos();
            while (!session.onLoop(hub -> hub.gate().approvals().size() > 0) && System.nanoTime() < deadline) {
                Thread.sleep(50); // a human-scale wait for a request; not a test synchronisation
            }
        }
        return execute(line);
    }

    /**
     * Runs a console line the cluster relayed (on the loop, in the cluster's order) and returns what
     * to print here: the answer shows on the console that typed it (mine) only, and never a
     * console-only secret, which stays on the console whose own command printed it.
     */
    public String executeRelayed(String line, boolean mine) {
        String answer = execute(line);
        return mine && !answer.startsWith(CONSOLE_ONLY) ? answer : "";
    }

    /** Runs one console line and returns what to print (empty for nothing). */
    public String execute(String line) {
        String input = line.strip();
        if (input.isEmpty()) return "";
        ConsoleCommand command = ConsoleCommands.find(ConsoleLine.verb(input));
        if (command == null) {
            return input.startsWith("/")
                    ? "Unknown command " + input.split("\\s+", 2)[0] + ". Type /help."
                    : "Type y or n to answer the oldest request, or /help.";
        }
        ConsoleLine parsed = ConsoleLine.parse(command, input, by);
        if (parsed.words() < command.minWords()) return parsed.usage();
        // a node-only verb needs no trip to the loop to learn that
        if (command.scope() != ConsoleCommand.Scope.NODE && session.onLoop(hub -> relayed(parsed, hub))) return "";
        return command.handler().run(parsed, session);
    }

    /** Published to run on every node (this one too, when it comes back in the cluster's order). */
    private static boolean relayed(ConsoleLine line, Hub hub) {
        String published = line.command().scope().relayed(line, hub);
        return published != null && hub.replication().relayConsole(published);
    }
}

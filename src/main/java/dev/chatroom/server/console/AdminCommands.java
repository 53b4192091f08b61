package dev.chatroom.server.console;

import dev.chatroom.server.Hub;
import dev.chatroom.server.ServerAccess;
import java.util.function.Consumer;

/**
 * What an admin can type at a console, answered with the one line (or block) to show. The
 * consoles read and print ({@link AdminSessions} keeps who typed what); this class finds the
 * verb's row in {@link ConsoleCommands}, applies the checks every verb gets (its usage, its
 * cluster scope) and runs its handler. An admin command reports its own effect; the hub's
 * events report only what others did.
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

    /** True once /shutdown ran: the consoles stop reading. */
    public boolean stopped() {
        return session.stopped();
    }

    /**
     * What running a line came to.
     *
     * @param answer what the admin who typed it reads ("" for nothing)
     * @param told what the other admins are told was done, or null when nothing changed
     * @param relayed published to every node: it runs, and answers, when it comes back
     * @param detaches /detach: the console that typed it leaves
     */
    record Outcome(String answer, String told, boolean relayed, boolean detaches) {
        static final Outcome RELAYED = new Outcome("", null, true, false);

        static Outcome of(String answer) {
            return new Outcome(answer, null, false, false);
        }
    }

    /** Runs one console line as the server's own console; returns what to print (empty for nothing). */
    public String execute(String line) {
        return run(line, null, done -> {}).answer();
    }

    /**
     * Runs one console line. A line whose row is cluster-wide is published instead (with token, the
     * typing console's, to find it when the line comes back) when this server is in a cluster.
     * announce tells the other admins at once what a line is doing (see {@link ConsoleLine#announce}).
     */
    Outcome run(String line, String token, Consumer<String> announce) {
        String input = line.strip();
        if (input.isEmpty()) return Outcome.of("");
        ConsoleCommand command = ConsoleCommands.find(ConsoleLine.verb(input));
        if (command == null) {
            return Outcome.of(
                    input.startsWith("/")
                            ? "Unknown command " + input.split("\\s+", 2)[0] + ". Type /help."
                            : "Type y or n to answer the oldest request, or /help.");
        }
        ConsoleLine parsed = ConsoleLine.parse(command, input, by);
        parsed.announcer(announce);
        if (parsed.words() < command.minWords()) return Outcome.of(parsed.usage());
        // a node-only verb needs no trip to the loop to learn that
        if (command.scope() != ConsoleCommand.Scope.NODE && session.onLoop(hub -> relayed(parsed, hub, token)))
            return Outcome.RELAYED;
        String answer = command.handler().run(parsed, session);
        return new Outcome(answer, parsed.told(), false, parsed.detaches());
    }

    /** Published to run on every node (this one too, when it comes back in the cluster's order). */
    private static boolean relayed(ConsoleLine line, Hub hub, String token) {
        String published = line.command().scope().relayed(line, hub);
        return published != null && hub.replication().relayConsole(published, token);
    }
}

package dev.chatroom.server.console;

import dev.chatroom.server.Connection;
import dev.chatroom.server.Hub;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A row of the console's table ({@link ConsoleCommands}): everything about one verb. /help and
 * {@code chatroom server --help} are made from the rows; the dispatcher ({@link AdminCommands})
 * answers too few words with the usage, relays by the scope, then runs the handler.
 *
 * @param usage the verb and its arguments, as /help shows them and "Usage: " answers them
 * @param aliases other words for the verb
 * @param minWords fewer words after the verb are answered with the usage
 * @param description what it does, one line in /help
 * @param scope whether it runs on this node only or, in a cluster, on every node
 * @param handler what it does, answering with the text to print ("" for nothing)
 */
record ConsoleCommand(
        String usage, List<String> aliases, int minWords, String description, Scope scope, Handler handler) {
    /** A row with no aliases. */
    static ConsoleCommand of(String usage, int minWords, String description, Scope scope, Handler handler) {
        return new ConsoleCommand(usage, List.of(), minWords, description, scope, handler);
    }

    /** The same row, also answering to this word. */
    ConsoleCommand alias(String word) {
        List<String> more = new ArrayList<>(aliases);
        more.add(word);
        return new ConsoleCommand(usage, List.copyOf(more), minWords, description, scope, handler);
    }

    /** The word typed: the usage's first. */
    String verb() {
        return usage.split(" ", 2)[0];
    }

    /** The verb, then its aliases. */
    List<String> names() {
        List<String> all = new ArrayList<>(List.of(verb()));
        all.addAll(aliases);
        return all;
    }

    /** Its line in /help: the usage, then the description in a column. */
    String helpLine() {
        String also = aliases.isEmpty() ? "" : " (alias " + String.join(", ", aliases) + ")";
        return String.format("%-24s  %s%s", usage, description, also);
    }

    /** Runs a line of this verb on the console's thread; the answer to print ("" for nothing). */
    @FunctionalInterface
    interface Handler {
        String run(ConsoleLine line, ConsoleSession session);
    }

    /** A handler whose whole work is on the event loop. */
    @FunctionalInterface
    interface LoopHandler {
        String run(ConsoleLine line, Hub hub);
    }

    static Handler onLoop(LoopHandler h) {
        return (line, session) -> session.onLoop(hub -> h.run(line, hub));
    }

    /** A handler that needs nothing of the line: a report, or an answer to the oldest request. */
    static Handler onLoop(Function<Hub, String> h) {
        return (line, session) -> session.onLoop(h);
    }

    /**
     * How far a verb's effect reaches. A cluster-wide line is published to every node (itself
     * included) and run there in the cluster's one order, so the first answer to a request wins
     * everywhere; standalone, or when nothing is published, it runs here.
     */
    @FunctionalInterface
    interface Scope {
        /** The line every node runs instead, or null for this node only. Asked on the event loop. */
        String relayed(ConsoleLine line, Hub hub);

        /**
         * For y, n and a: the same answer to the request of nick ("/accept bob"), which a console
         * sends for the request it shows, so that an answer given late does not reach the next
         * one; null for other verbs.
         */
        default String answering(String nick) {
            return null;
        }

        /** Reports, secrets and this process: /users, /resetpass, /purge (of the shared history), /shutdown. */
        Scope NODE = (line, hub) -> null;

        /** Changes what every node holds: a kick, a ban, an account's allow-list entry. */
        Scope CLUSTER = (line, hub) -> line.input();

        /** Shows a room's setting with nothing after the #room, sets it (on every node) with something. */
        Scope CLUSTER_WHEN_SETTING = (line, hub) -> line.afterLeadingRoom() == null ? null : line.input();

        /**
         * y, n, a: every node answers the same request, the oldest here, relayed by its nick
         * (format's %s), since the nodes' queues need not be in the same order.
         */
        static Scope answeringOldest(String format) {
            return new Scope() {
                @Override
                public String relayed(ConsoleLine line, Hub hub) {
                    Connection oldest = hub.gate().approvals().oldest();
                    return oldest == null ? null : answering(oldest.nick());
                }

                @Override
                public String answering(String nick) {
                    return String.format(format, nick);
                }
            };
        }
    }
}

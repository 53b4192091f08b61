package dev.chatroom.server.commands;

import dev.chatroom.irc.Message;
import dev.chatroom.irc.Utf8;
import dev.chatroom.log.Event;
import dev.chatroom.server.Connection;
import dev.chatroom.server.ConsoleAccess;
import dev.chatroom.server.Hub;
import dev.chatroom.server.output.Replies;
import java.util.List;
import java.util.function.Function;

/**
 * The admin console's commands for IRC operators: CONSOLE runs any console line, APPROVE and
 * REJECT answer join requests as /accept and /reject do. Each is the console's own command, run
 * as the operator (the same rules, the same answers, as server notices a line each), and reaches
 * as far as the console's row says: a line that changes what every node holds is published and
 * runs on every node in the cluster's order, so the first answer to a request wins everywhere;
 * the others run on this node, off the loop. Every line an operator runs is logged.
 */
final class OperatorConsoleCommands {
    /** Bytes of an answer's line per notice, so that the notice fits in an IRC line. */
    private static final int LINE = 400;

    private OperatorConsoleCommands() {}

    static List<Command> all() {
        return List.of(
                row("APPROVE", OperatorConsoleCommands::approveLine),
                row("REJECT", OperatorConsoleCommands::rejectLine),
                row("CONSOLE", OperatorConsoleCommands::consoleLine));
    }

    // APPROVE <nick> [always]
    static String approveLine(Message m) {
        return "/accept " + String.join(" ", m.params());
    }

    // REJECT <nick> [<reason>]
    static String rejectLine(Message m) {
        return "/reject " + String.join(" ", m.params());
    }

    // CONSOLE <console line>: CONSOLE /ban bob spam, CONSOLE /pending, CONSOLE y
    static String consoleLine(Message m) {
        return String.join(" ", m.params());
    }

    private static Command row(String verb, Function<Message, String> line) {
        return Command.registered(verb, 1, ctx -> run(ctx, line.apply(ctx.message())))
                .forOperators()
                .reaching((hub, m) -> {
                    String everywhere = hub.console().everywhere(hub, line.apply(m));
                    return everywhere == null
                            ? null
                            : Message.create(m.tags(), null, "CONSOLE", List.of(everywhere), true);
                });
    }

    private static void run(Context ctx, String line) {
        Hub hub = ctx.hub();
        Connection c = ctx.device(); // the answer goes to the device that asked
        ConsoleAccess console = hub.console();
        // an operator of another node runs here only what every node runs: each node's admins see it
        hub.events()
                .event(Event.info("operator_command", "IRC operator " + c.nick() + ": " + line)
                        .nick(c.nick())
                        .with("line", line));
        String everywhere = console.everywhere(hub, line);
        if (everywhere != null) { // back from the cluster, or there is none: every node runs it now, in this order
            tell(ctx.replies(), console.runHere(everywhere, c.nick()));
            return;
        }
        c.awaitAnswer(); // the operator's next lines wait for the answer
        console.runAside(line, c.nick(), answer -> {
            if (!c.isClosed()) {
                Replies r = hub.output().replies(c);
                tell(r, answer);
                r.flush();
            }
            c.answered();
        });
    }

    /** The console's answer as notices, a line each, long lines cut at spaces. */
    private static void tell(Replies r, String answer) {
        for (String line : answer.split("\n")) {
            String rest = line.stripTrailing();
            while (Utf8.length(rest) > LINE) {
                String head = Utf8.truncate(rest, LINE);
                int space = head.lastIndexOf(' ');
                if (space > 0) head = head.substring(0, space);
                r.notice(head);
                rest = rest.substring(head.length()).stripLeading();
            }
            if (!rest.isBlank()) r.notice(rest);
        }
    }
}

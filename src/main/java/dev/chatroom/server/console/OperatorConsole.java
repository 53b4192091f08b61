package dev.chatroom.server.console;

import dev.chatroom.server.ConsoleAccess;
import dev.chatroom.server.Hub;
import dev.chatroom.server.ServerAccess;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The admin console as IRC operators reach it: the same table, handlers and answers as at the
 * terminal. A line for every node runs on the loop, where the cluster hands it back (so each node
 * runs it in the cluster's order, as relayed console lines do); a line for this node alone runs
 * on a thread of its own, one at a time, since a console command waits for the loop.
 */
public final class OperatorConsole implements ConsoleAccess {
    private final ServerAccess server;
    private final Executor aside;

    /** With a thread of its own, started when a line comes and let go when idle. */
    public OperatorConsole(ServerAccess server) {
        this(server, oneThread());
    }

    /** Lines for this node alone run on aside (in-memory tests: at once, on the caller's thread). */
    public OperatorConsole(ServerAccess server, Executor aside) {
        this.server = server;
        this.aside = aside;
    }

    @Override
    public String everywhere(Hub hub, String line) {
        String input = line.strip();
        ConsoleCommand command = ConsoleCommands.find(ConsoleLine.verb(input));
        if (command == null) return null;
        ConsoleLine parsed = ConsoleLine.parse(command, input, null);
        return parsed.words() < command.minWords() ? null : command.scope().relayed(parsed, hub);
    }

    @Override
    public String runHere(String line, String by) {
        return shown(new AdminCommands(server, by).execute(line));
    }

    @Override
    public void runAside(String line, String by, Consumer<String> answer) {
        aside.execute(() -> {
            String text;
            try {
                text = shown(new AdminCommands(server, by).execute(line));
            } catch (RuntimeException e) {
                text = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            String answered = text;
            try {
                server.call(hub -> {
                    answer.accept(answered);
                    return null;
                });
            } catch (RuntimeException stopped) {
                // the server stopped meanwhile (/shutdown): nobody is left to answer
            }
        });
    }

    /** A console-only answer (a one-time password) is the operator's own: shown to them, as at the console. */
    private static String shown(String answer) {
        return answer.startsWith(AdminCommands.CONSOLE_ONLY)
                ? answer.substring(AdminCommands.CONSOLE_ONLY.length())
                : answer;
    }

    private static Executor oneThread() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "chatroom-operator-console");
            t.setDaemon(true);
            return t;
        });
        return pool;
    }
}

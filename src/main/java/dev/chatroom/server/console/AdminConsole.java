package dev.chatroom.server.console;

import dev.chatroom.irc.Sanitizer;
import dev.chatroom.log.Event;
import dev.chatroom.log.EventSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jline.terminal.Terminal;

/**
 * An admin's console, the same wherever it runs (the server's own terminal, {@code chatroom admin
 * console}, ssh): it reads lines, runs them through a {@link ConsoleLink} and prints their
 * answers, the server's events and the question about the oldest request. On a terminal, JLine
 * reads and events print above the line being typed; otherwise lines are read one by one and
 * everything prints as plain lines.
 */
public final class AdminConsole implements AdminSession, AutoCloseable {
    /** Why a console stopped reading. */
    public enum Ending {
        /** End of input: Ctrl-D or Ctrl-C on a terminal, the end of a script. */
        INPUT_ENDED,
        /** /detach. */
        DETACHED,
        /** The server stopped (/shutdown here or elsewhere), or could no longer be reached. */
        STOPPED
    }

    private final String name;
    private final ConsoleScreen screen;

    private AdminConsole(String name, ConsoleScreen screen) {
        this.name = name;
        this.screen = screen;
    }

    /** A console on a terminal. */
    public static AdminConsole terminal(String name, Terminal terminal) {
        return new AdminConsole(name, new TerminalScreen(terminal));
    }

    /** A console reading lines from in and printing plain lines to out. */
    public static AdminConsole lines(String name, InputStream in, PrintStream out) {
        return lines(name, in, out, true);
    }

    /** The same; without questions, out has only events (log-format json: each request is its join_request). */
    public static AdminConsole lines(String name, InputStream in, PrintStream out, boolean questions) {
        return new AdminConsole(name, new LineScreen(in, out, questions));
    }

    @Override
    public String name() {
        return name;
    }

    /** Prints a line; remote text in it (quit reasons, messages) is stripped of anything that could drive the terminal. */
    @Override
    public void event(String text) {
        screen.print(Sanitizer.forTerminal(text));
    }

    @Override
    public void question(Question q) {
        screen.question(q);
    }

    public boolean interactive() {
        return screen.interactive();
    }

    /** Says, on a terminal, what this console is called among the admins and how to leave it. */
    public void greet(String attachedAs) {
        if (interactive())
            event("Attached as " + attachedAs
                    + ". /help lists the commands; /detach (or Ctrl-D) leaves, the server keeps running.");
    }

    /** The server went away: a script waiting for a request to answer stops waiting. */
    public void disconnected() {
        screen.ended();
    }

    /**
     * Reads input until it ends, the console detaches or the server stops, running each line
     * through link and printing each answer to answers (this console, and the log file for the
     * server's own), a one-time secret to this screen only. y, n and a go as the answer to the
     * request this console shows ("/accept bob"): one that reaches the server after another
     * admin's answer finds no request, rather than answering the next one.
     */
    public Ending run(ConsoleLink link, EventSink answers) throws IOException {
        try {
            while (!link.stopped()) {
                String line = screen.readLine();
                if (line == null) return link.stopped() ? Ending.STOPPED : Ending.INPUT_ENDED;
                if (line.isBlank()) continue;
                if (ConsoleCommands.answersOldest(line)) {
                    if (!screen.interactive() && !screen.awaitQuestion()) return Ending.STOPPED;
                    line = ConsoleCommands.answering(line, screen.question());
                }
                ConsoleAnswer answer;
                screen.answering(true);
                try {
                    answer = link.run(line).get();
                    show(answer.text(), answers);
                } catch (ExecutionException | CompletionException e) {
                    return Ending.STOPPED;
                } finally {
                    screen.answering(false);
                }
                if (answer.detaches()) return Ending.DETACHED;
            }
            return Ending.STOPPED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Ending.STOPPED;
        }
    }

    private void show(String text, EventSink answers) {
        if (text == null || text.isEmpty()) return;
        if (text.startsWith(AdminCommands.CONSOLE_ONLY)) {
            event(text.substring(AdminCommands.CONSOLE_ONLY.length())); // a secret: on this screen, never in the log
            return;
        }
        answers.event(Event.info("console", text));
    }

    @Override
    public void close() throws IOException {
        screen.close();
    }
}

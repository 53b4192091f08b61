package dev.chatroom.server.console;

import dev.chatroom.irc.Sanitizer;
import dev.chatroom.log.Event;
import dev.chatroom.log.EventSink;
import java.io.BufferedReader;
import java.io.IOError;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The server's own terminal. On a terminal, JLine reads the admin's input and server events are
 * printed above the line being typed, never through it. Otherwise (a pipe, a script) answers and
 * commands are read from stdin line by line and events are printed as plain lines.
 */
public final class AdminConsole implements EventSink, AutoCloseable {
    /** How long a scripted y/n waits for a request to answer. */
    private static final Duration SCRIPTED_PATIENCE = Duration.ofHours(24);

    private final PrintStream out;
    private volatile LineReader reader;
    private volatile Terminal terminal;

    public AdminConsole(PrintStream out) {
        this.out = out;
    }

    /** Prints a line; remote text in it (quit reasons, messages) is stripped of anything that could drive the terminal. */
    @Override
    public void event(String text) {
        String line = Sanitizer.forTerminal(text);
        LineReader r = reader;
        if (r != null) {
            r.printAbove(line);
        } else {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }
    }

    /**
     * Reads console input until it ends, running each line through the commands and reporting
     * each result to {@code results} (this console, and the log file when there is one).
     *
     * @return true when the admin asked to stop the server with Ctrl-C or Ctrl-D; false when
     *     /shutdown already stopped it, or non-interactive input simply ended (the server keeps running)
     */
    public boolean run(AdminCommands commands, boolean interactive, InputStream in, EventSink results)
            throws IOException {
        if (interactive) {
            Terminal t = TerminalBuilder.builder().system(true).build();
            terminal = t;
            LineReader r =
                    LineReaderBuilder.builder().terminal(t).appName("chatroom").build();
            reader = r;
            while (!commands.stopped()) {
                String line;
                try {
                    line = r.readLine("> ");
                } catch (UserInterruptException | EndOfFileException e) {
                    return !commands.stopped();
                } catch (IOError | IllegalStateException e) {
                    return false; // the terminal was closed under us: the server is stopping
                }
                try {
                    report(results, () -> commands.execute(line));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return false;
        }
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        try {
            while (!commands.stopped() && (line = lines.readLine()) != null) {
                String l = line;
                report(results, () -> commands.executeScripted(l, SCRIPTED_PATIENCE));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private interface Command {
        String run() throws InterruptedException;
    }

    private void report(EventSink results, Command command) throws InterruptedException {
        String text;
        try {
            text = command.run();
        } catch (RuntimeException e) {
            text = e.getMessage();
        }
        if (text == null || text.isEmpty()) return;
        if (text.startsWith(AdminCommands.CONSOLE_ONLY)) {
            event(text.substring(
                    AdminCommands.CONSOLE_ONLY.length())); // a secret: on this screen, never in the log file
            return;
        }
        results.event(Event.info("console", text));
    }

    @Override
    public void close() throws IOException {
        reader = null;
        Terminal t = terminal;
        if (t != null) t.close();
    }
}

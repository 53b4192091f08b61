package dev.chatroom.server.console;

import dev.chatroom.irc.Formatting;
import dev.chatroom.irc.Sanitizer;
import dev.chatroom.server.EventSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
    private static final java.time.Duration SCRIPTED_PATIENCE = java.time.Duration.ofHours(24);

    private final PrintStream out;
    private volatile LineReader reader;
    private Terminal terminal;

    public AdminConsole(PrintStream out) {
        this.out = out;
    }

    /** Prints a line; remote text in it (quit reasons, messages) is stripped of anything that could drive the terminal. */
    @Override
    public void event(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        for (String part : text.split("\n", -1)) {
            if (safe.length() > 0) safe.append('\n');
            safe.append(Formatting.strip(Sanitizer.clean(part)));
        }
        String line = safe.toString();
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
     * Reads console input until it ends, running each line through commands.
     *
     * @return true when the admin asked to stop the server (Ctrl-C, Ctrl-D on a terminal), false
     *     when non-interactive input simply ended and the server should keep running
     */
    public boolean run(AdminCommands commands, boolean interactive, InputStream in) throws IOException {
        if (interactive) {
            terminal = TerminalBuilder.builder().system(true).build();
            reader = LineReaderBuilder.builder().terminal(terminal).appName("chatroom").build();
            while (true) {
                try {
                    show(commands.execute(reader.readLine("> ")));
                } catch (UserInterruptException | EndOfFileException e) {
                    return true;
                }
            }
        }
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        try {
            while ((line = lines.readLine()) != null) show(commands.executeScripted(line, SCRIPTED_PATIENCE));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private void show(String text) {
        if (!text.isEmpty()) event(text);
    }

    @Override
    public void close() throws IOException {
        reader = null;
        if (terminal != null) terminal.close();
    }
}

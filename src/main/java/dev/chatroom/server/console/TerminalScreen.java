package dev.chatroom.server.console;

import java.io.IOError;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;

/**
 * A console on a terminal: JLine reads the admin's input, with Tab completing the console's
 * verbs; events print above the line being typed, never through it. The prompt is the question
 * y, n and a answer ("Accept bob? [y/n/a] "), so the last thing on the screen always asks about
 * the request they answer; "> " when no one waits.
 */
final class TerminalScreen implements ConsoleScreen {
    private static final String IDLE = "> ";

    private final Terminal terminal;
    private final PromptingReader reader;
    private volatile String prompt = IDLE;
    private volatile Question shown;

    TerminalScreen(Terminal terminal) {
        this.terminal = terminal;
        this.reader = new PromptingReader(terminal);
        reader.setHistory(new DefaultHistory());
        reader.setCompleter(TerminalScreen::complete);
        // a line starting to be read takes the prompt of that moment: a question asked while no line was read is not
        // lost
        reader.getWidgets().put(LineReader.CALLBACK_INIT, () -> {
            reader.setPrompt(prompt);
            return true;
        });
    }

    private static void complete(LineReader r, ParsedLine line, List<Candidate> out) {
        if (line.wordIndex() != 0) return;
        for (String name : ConsoleCommands.names()) out.add(new Candidate(name));
    }

    @Override
    public String readLine() {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        } catch (IOError | IllegalStateException e) {
            return null; // the terminal was closed under us: the console is ending
        }
    }

    /** printAbove takes the reader's lock itself. */
    @Override
    public void print(String line) {
        reader.printAbove(line);
    }

    /** The new prompt, drawn at once if a line is being read (checked and drawn under the reader's lock). */
    @Override
    public void question(Question q) {
        reader.locked(() -> {
            shown = q;
            prompt = q == null ? IDLE : q.prompt();
            if (!reader.isReading()) return;
            reader.setPrompt(prompt);
            reader.callWidget(LineReader.REDRAW_LINE);
            reader.callWidget(LineReader.REDISPLAY);
        });
    }

    @Override
    public Question question() {
        return shown;
    }

    @Override
    public void answering(boolean busy) {}

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public boolean awaitQuestion() {
        return true;
    }

    @Override
    public void ended() {}

    @Override
    public void close() throws IOException {
        terminal.close();
    }

    /** JLine's line reader with its lock in reach, so the prompt changes under it like everything JLine draws. */
    private static final class PromptingReader extends LineReaderImpl {
        PromptingReader(Terminal terminal) {
            super(terminal, "chatroom", new HashMap<>(Map.of(LineReader.HISTORY_SIZE, 1000)));
        }

        void locked(Runnable drawing) {
            lock.lock();
            try {
                drawing.run();
            } finally {
                lock.unlock();
            }
        }
    }
}

package dev.chatroom.client;

import dev.chatroom.irc.Colors;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive client: JLine line editing with history and Tab completion of commands, nicks
 * and colors. Incoming lines are printed above the input line (printAbove), which is redrawn
 * intact. Ctrl-C clears a half-typed line, or leaves on an empty one; Ctrl-D leaves.
 */
public final class TerminalUi implements Ui {
    private final Terminal terminal;
    private final LineReader reader;
    private volatile Supplier<Collection<String>> nicks = List::of;

    public TerminalUi(Terminal terminal) {
        this.terminal = terminal;
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("chatroom")
                .completer(this::complete)
                .variable(LineReader.HISTORY_SIZE, 1000)
                // '!' in a chat message is text, not a history reference
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .build();
    }

    public static TerminalUi system() throws IOException {
        return new TerminalUi(TerminalBuilder.builder().system(true).build());
    }

    @Override
    public String readLine(String prompt) {
        while (true) {
            try {
                return reader.readLine(prompt);
            } catch (UserInterruptException e) {
                if (e.getPartialLine() == null || e.getPartialLine().isEmpty()) return null;
            } catch (EndOfFileException e) {
                return null;
            }
        }
    }

    @Override
    public void print(String text) {
        reader.printAbove(text);
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public void completeNicksFrom(Supplier<Collection<String>> source) {
        nicks = source;
    }

    private void complete(LineReader r, ParsedLine line, List<Candidate> out) {
        List<String> words = line.words();
        int index = line.wordIndex();
        String first = words.isEmpty() ? "" : words.get(0).toLowerCase();
        if (index == 0 && line.word().startsWith("/")) {
            for (String c : Input.COMMANDS) out.add(new Candidate(c));
        } else if (first.equals("/color") && index == 1) {
            addColors(out);
        } else if ((first.equals("/private") || first.equals("/msg")) && index == 2) {
            out.add(new Candidate("/color"));
            out.add(new Candidate("/me"));
        } else if ((first.equals("/private") || first.equals("/msg")) && index == 3 && words.get(2).equalsIgnoreCase("/color")) {
            addColors(out);
        } else {
            for (String n : nicks.get()) out.add(new Candidate(n));
        }
    }

    private static void addColors(List<Candidate> out) {
        for (String c : Colors.allNames()) out.add(new Candidate(c));
    }

    /** The line being typed now (for tests). */
    String buffer() {
        return reader.getBuffer().toString();
    }

    @Override
    public void close() {
        try {
            terminal.close();
        } catch (IOException ignored) {
            // the terminal is going away anyway
        }
    }
}

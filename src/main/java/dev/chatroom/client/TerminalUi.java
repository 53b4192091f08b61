package dev.chatroom.client;

import dev.chatroom.irc.Colors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.jline.keymap.KeyMap;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Status;

/**
 * The interactive client: JLine line editing with history and Tab completion of commands, nicks
 * and colors. Incoming lines are printed above the input line (printAbove), which is redrawn
 * intact. Ctrl-C clears a half-typed line, or leaves on an empty one; Ctrl-D leaves.
 */
public final class TerminalUi implements Ui {
    private final Terminal terminal;
    private final LineReader reader;
    private volatile Supplier<Collection<String>> nicks = List::of;
    private final boolean statusLine;
    private Status status;
    private volatile List<AttributedString> pendingStatus;
    private static final String STATUS_WIDGET = "chatroom-status";
    private volatile IntConsumer roomKeys = i -> {};
    /** Next and previous room, passed to the room-key callback. */
    public static final int NEXT = -1;

    public static final int PREVIOUS = -2;

    public TerminalUi(Terminal terminal) {
        this(terminal, true);
    }

    /** statusLine: keep a status line at the bottom (off with --no-status). */
    public TerminalUi(Terminal terminal, boolean statusLine) {
        this.terminal = terminal;
        this.statusLine = statusLine;
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("chatroom")
                .completer(this::complete)
                .variable(LineReader.HISTORY_SIZE, 1000)
                .variable(LineReader.HISTORY_IGNORE, "/register *:/passwd *") // passwords stay out of the history
                // '!' in a chat message is text, not a history reference
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                // the room's echo of what was sent replaces the typed line: each message shows once
                .option(LineReader.Option.ERASE_LINE_ON_FINISH, true)
                .option(LineReader.Option.BRACKETED_PASTE, true)
                .build();
        for (int i = 1; i <= 9; i++) bindRoomKey(KeyMap.alt((char) ('0' + i)), i);
        bindRoomKey(KeyMap.ctrl('N'), NEXT);
        bindRoomKey(KeyMap.ctrl('P'), PREVIOUS);
        reader.getWidgets().put(STATUS_WIDGET, () -> {
            drawStatus();
            return true;
        });
        // set up before the first line is read: the status line takes the bottom row for itself
        if (statusLine) status = Status.getStatus(terminal, true);
    }

    private void bindRoomKey(String keys, int which) {
        String widget = "chatroom-room-" + (which < 0 ? (which == NEXT ? "next" : "previous") : which);
        reader.getWidgets().put(widget, () -> {
            roomKeys.accept(which);
            return true;
        });
        reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference(widget), keys);
        reader.getKeyMaps().get(LineReader.EMACS).bind(new Reference(widget), keys);
    }

    @Override
    public void onRoomKeys(IntConsumer switchTo) {
        roomKeys = switchTo;
    }

    @Override
    public void prompt(String p) {
        if (reader.isReading()) {
            if (reader instanceof LineReaderImpl impl) impl.setPrompt(p);
            reader.callWidget(LineReader.REDRAW_LINE);
            reader.callWidget(LineReader.REDISPLAY);
        }
    }

    /**
     * Status lines are drawn under the line reader's lock (through a widget) while it reads, so
     * they never interleave with a line printed above or with the user's typing.
     */
    @Override
    public void status(String text) {
        if (status == null) return;
        pendingStatus = List.of(new AttributedStringBuilder()
                .style(AttributedStyle.INVERSE)
                .append(fit(text))
                .toAttributedString());
        if (reader.isReading()) {
            try {
                reader.callWidget(STATUS_WIDGET);
                return;
            } catch (IllegalStateException notReadingAnyMore) {
                // fall through: draw it directly
            }
        }
        drawStatus();
    }

    private synchronized void drawStatus() {
        if (status != null && pendingStatus != null) status.update(pendingStatus);
    }

    private String fit(String text) {
        int width = Math.max(20, terminal.getWidth());
        String t = text.length() > width ? text.substring(0, width - 1) + "…" : text;
        return t + " ".repeat(Math.max(0, width - t.length()));
    }

    public static TerminalUi system(boolean statusLine) throws IOException {
        return new TerminalUi(TerminalBuilder.builder().system(true).build(), statusLine);
    }

    @Override
    public String readSecret(String prompt) {
        reader.setVariable(LineReader.DISABLE_HISTORY, true);
        try {
            return reader.readLine(prompt, '*');
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        } finally {
            reader.setVariable(LineReader.DISABLE_HISTORY, false);
        }
    }

    @Override
    public String ask(String prompt) {
        reader.setVariable(LineReader.DISABLE_HISTORY, true);
        try {
            return readLine(prompt);
        } finally {
            reader.setVariable(LineReader.DISABLE_HISTORY, false);
        }
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
    public boolean unicode() {
        return StandardCharsets.UTF_8.equals(terminal.encoding());
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
            for (String c : ClientCommands.names()) out.add(new Candidate(c));
        } else if (first.equals("/color") && index == 1) {
            addColors(out);
        } else if ((first.equals("/private") || first.equals("/msg")) && index == 2) {
            out.add(new Candidate("/color"));
            out.add(new Candidate("/me"));
        } else if ((first.equals("/private") || first.equals("/msg"))
                && index == 3
                && words.get(2).equalsIgnoreCase("/color")) {
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

    /**
     * Leaves the terminal as it was: the status line gone, the prompt line erased, colors reset,
     * the cursor at the start of a fresh line.
     */
    @Override
    public void close() {
        try {
            synchronized (this) {
                if (status != null) status.close();
            }
            terminal.writer().print("\r\u001b[2K\u001b[0m");
            terminal.writer().flush();
            terminal.close();
        } catch (IOException ignored) {
            // the terminal is going away anyway
        }
    }
}

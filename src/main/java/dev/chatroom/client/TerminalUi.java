package dev.chatroom.client;

import dev.chatroom.irc.Colors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.jline.keymap.KeyMap;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Status;

/**
 * The interactive client: JLine line editing with history and Tab completion of commands, nicks
 * and colors. Incoming lines are printed above the input line (printAbove), which is redrawn
 * intact. Ctrl-C clears a half-typed line, or leaves on an empty one; Ctrl-D leaves.
 *
 * <p>Several threads write to the terminal: the input thread (the prompt and what is typed), the
 * network thread (lines printed above, the status line), the lag thread (the status line). Every
 * write happens under the line reader's own lock, reading or not, so no two of them interleave.
 */
public final class TerminalUi implements Ui {
    private final Terminal terminal;
    private final ChatLineReader reader;
    private volatile Supplier<Collection<String>> nicks = List::of;
    private final boolean statusLine;
    /** Null without a status line; drawn under the reader's lock only. */
    private final Status status;
    /** Under the reader's lock: nothing is drawn once the terminal is handed back. */
    private boolean closed;

    private volatile IntConsumer roomKeys = i -> {};
    /** Next and previous room, passed to the room-key callback. */
    public static final int NEXT = -1;

    public static final int PREVIOUS = -2;

    /** Focus reporting (xterm's mode 1004): on, the terminal says "ESC [ I" when focused, "ESC [ O" when not. */
    static final String FOCUS_REPORTING_ON = "\u001b[?1004h";

    static final String FOCUS_REPORTING_OFF = "\u001b[?1004l";
    static final String FOCUS_IN = "\u001b[I";
    static final String FOCUS_OUT = "\u001b[O";

    /** How an alert is made; null on a dumb terminal, where escapes would show as text. */
    private final TerminalAlert alerts;
    /** Until the terminal says otherwise, it may not be focused: alerts go out. */
    private volatile boolean focused;

    public TerminalUi(Terminal terminal) {
        this(terminal, true);
    }

    /** statusLine: keep a status line at the bottom (off with --no-status); alerts are the bell alone. */
    public TerminalUi(Terminal terminal, boolean statusLine) {
        this(terminal, statusLine, TerminalAlert.BELL);
    }

    /** alerts: how to call the user back (see {@link TerminalAlert#forEnvironment}). */
    public TerminalUi(Terminal terminal, boolean statusLine, TerminalAlert alerts) {
        this.terminal = terminal;
        this.statusLine = statusLine;
        this.alerts = terminal.getType().startsWith(Terminal.TYPE_DUMB) ? null : alerts;
        Map<String, Object> variables = new HashMap<>();
        variables.put(LineReader.HISTORY_SIZE, 1000);
        variables.put(LineReader.HISTORY_IGNORE, "/register *:/passwd *"); // passwords stay out of the history
        // what LineReaderBuilder.build() does, for a reader whose lock the UI can take
        this.reader = new ChatLineReader(terminal, variables);
        reader.setHistory(new DefaultHistory());
        reader.setCompleter(this::complete);
        // '!' in a chat message is text, not a history reference
        reader.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        reader.option(LineReader.Option.AUTO_FRESH_LINE, true);
        // the room's echo of what was sent replaces the typed line: each message shows once
        reader.option(LineReader.Option.ERASE_LINE_ON_FINISH, true);
        reader.option(LineReader.Option.BRACKETED_PASTE, true);
        for (int i = 1; i <= 9; i++) bindRoomKey(KeyMap.alt((char) ('0' + i)), i);
        bindRoomKey(KeyMap.ctrl('N'), NEXT);
        bindRoomKey(KeyMap.ctrl('P'), PREVIOUS);
        if (this.alerts != null) {
            bind("chatroom-focus-in", FOCUS_IN, () -> focused = true);
            bind("chatroom-focus-out", FOCUS_OUT, () -> focused = false);
            terminal.writer().print(FOCUS_REPORTING_ON);
            terminal.writer().flush();
        }
        // set up before the first line is read: the status line takes the bottom row for itself
        status = statusLine ? Status.getStatus(terminal, true) : null;
    }

    private void bindRoomKey(String keys, int which) {
        bind(
                "chatroom-room-" + (which < 0 ? (which == NEXT ? "next" : "previous") : which),
                keys,
                () -> roomKeys.accept(which));
    }

    /** The keys (or a sequence the terminal sends) run the action instead of being typed. */
    private void bind(String widget, String keys, Runnable action) {
        reader.getWidgets().put(widget, () -> {
            action.run();
            return true;
        });
        reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference(widget), keys);
        reader.getKeyMaps().get(LineReader.EMACS).bind(new Reference(widget), keys);
    }

    /** The bell and the desktop notification, unless the terminal said it has the focus. */
    @Override
    public void alert(Notifications.Alert alert) {
        if (alerts == null || focused) return;
        String bytes = alerts.bytes(alert);
        reader.locked(() -> {
            if (closed) return;
            terminal.writer().print(bytes);
            terminal.writer().flush();
        });
    }

    /** The line being typed, after each change; answers and passwords are not typing. */
    @Override
    public void onTyping(Consumer<String> line) {
        reader.typing = line;
    }

    @Override
    public void onRoomKeys(IntConsumer switchTo) {
        roomKeys = switchTo;
    }

    /** The new prompt, drawn at once if a line is being read (checked and drawn under the lock). */
    @Override
    public void prompt(String p) {
        reader.locked(() -> {
            if (!reader.isReading()) return;
            reader.setPrompt(p);
            reader.callWidget(LineReader.REDRAW_LINE);
            reader.callWidget(LineReader.REDISPLAY);
        });
    }

    /**
     * The status line, drawn under the line reader's lock whether a line is being read or not:
     * between two lines (an answer just sent, the next prompt not drawn yet) too, so it never cuts
     * into a line printed above, the prompt being drawn or the reader's own redraw of it.
     */
    @Override
    public void status(String text) {
        if (status == null) return;
        List<AttributedString> lines = List.of(new AttributedStringBuilder()
                .style(AttributedStyle.INVERSE)
                .append(fit(text))
                .toAttributedString());
        reader.locked(() -> {
            if (!closed) status.update(lines);
        });
    }

    private String fit(String text) {
        int width = Math.max(20, terminal.getWidth());
        String t = text.length() > width ? text.substring(0, width - 1) + "…" : text;
        return t + " ".repeat(Math.max(0, width - t.length()));
    }

    public static TerminalUi system(boolean statusLine) throws IOException {
        return new TerminalUi(
                TerminalBuilder.builder().system(true).build(),
                statusLine,
                TerminalAlert.forEnvironment(System.getenv()));
    }

    @Override
    public String readSecret(String prompt) {
        reader.setVariable(LineReader.DISABLE_HISTORY, true);
        reader.answering = true;
        try {
            return reader.readLine(prompt, '*');
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        } finally {
            reader.answering = false;
            reader.setVariable(LineReader.DISABLE_HISTORY, false);
        }
    }

    @Override
    public String ask(String prompt) {
        reader.setVariable(LineReader.DISABLE_HISTORY, true);
        reader.answering = true;
        try {
            return readLine(prompt);
        } finally {
            reader.answering = false;
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

    /** printAbove takes the reader's lock itself. */
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
            reader.locked(() -> {
                if (closed) return;
                closed = true;
                if (status != null) status.close();
                terminal.writer().print("\r\u001b[2K\u001b[0m" + (alerts == null ? "" : FOCUS_REPORTING_OFF));
                terminal.writer().flush();
            });
            terminal.close();
        } catch (IOException ignored) {
            // the terminal is going away anyway
        }
    }

    /**
     * JLine's line reader with its lock in reach. The reader draws the prompt, the typed line and
     * (in its redisplay) the status line under this lock, and printAbove takes it too; the UI takes
     * it for everything else it draws, so all writes to the terminal go one at a time.
     */
    private static final class ChatLineReader extends LineReaderImpl {
        /** Told of the line after each change (typing notifications). */
        volatile Consumer<String> typing = line -> {};
        /** A question or a password is being read: not typing. */
        volatile boolean answering;
        /** The line as last told; redisplay runs under the reader's lock. */
        private String told = "";

        ChatLineReader(Terminal terminal, Map<String, Object> variables) {
            super(terminal, "chatroom", variables);
        }

        /** Drawn after every key: the cheapest place to notice the line changed. */
        @Override
        protected void redisplay(boolean flush) {
            super.redisplay(flush);
            if (answering || buf.length() == told.length() && buf.toString().equals(told)) return;
            told = buf.toString();
            typing.accept(told);
        }

        /** Runs the drawing under the reader's lock (reentrant: widgets and callWidget may be used inside). */
        void locked(Runnable drawing) {
            lock.lock();
            try {
                drawing.run();
            } finally {
                lock.unlock();
            }
        }

        /**
         * A resize redraws the status line and the prompt; JLine does it holding the reader's monitor
         * only, from the signal's thread, so it takes the lock too.
         */
        @Override
        protected void handleSignal(Signal signal) {
            locked(() -> super.handleSignal(signal));
        }
    }
}

package dev.chatroom.server.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A console without a terminal: lines in, plain lines out, for scripts, pipes and logs. The
 * question about the oldest request is printed again whenever it changes (after the answer of
 * the line being answered), so the last question printed is always the one y answers.
 */
final class LineScreen implements ConsoleScreen {
    private final BufferedReader in;
    private final PrintStream out;
    /** Whether questions are printed; y still answers the current one when they are not. */
    private final boolean questions;

    private Question current;
    /** The question text last printed or stated by the line before it, so it is not said twice. */
    private String shown;

    private String last;
    private boolean busy;
    private boolean ended;

    LineScreen(InputStream in, PrintStream out, boolean questions) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
        this.questions = questions;
    }

    @Override
    public String readLine() throws IOException {
        return in.readLine();
    }

    @Override
    public synchronized void print(String line) {
        out.println(line);
        out.flush();
        last = line;
    }

    @Override
    public synchronized void question(Question q) {
        current = q;
        notifyAll();
        if (!busy) show();
    }

    @Override
    public synchronized Question question() {
        return current;
    }

    @Override
    public synchronized void answering(boolean busy) {
        this.busy = busy;
        if (!busy) show();
    }

    private void show() {
        String text = current == null ? null : current.text();
        // the first request's own line already asks it
        if (questions && text != null && !text.equals(shown) && !text.equals(last)) print(text);
        shown = text;
    }

    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public synchronized boolean awaitQuestion() throws InterruptedException {
        while (current == null && !ended) wait();
        return current != null;
    }

    @Override
    public synchronized void ended() {
        ended = true;
        notifyAll();
    }

    @Override
    public void close() {
        out.flush();
    }
}

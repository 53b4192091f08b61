package dev.chatroom.client;

import dev.chatroom.testing.Await;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A person at a terminal, or a script: answers typed lines in order and records every prompt,
 * print and alert. "\u0004" typed is the end of input.
 */
final class ScriptedUi implements Ui {
    private final boolean interactive;
    private final BlockingQueue<String> typed = new LinkedBlockingQueue<>();
    private final List<String> shown = new ArrayList<>();
    private final List<Notifications.Alert> alerts = new ArrayList<>();

    ScriptedUi(boolean interactive) {
        this.interactive = interactive;
    }

    void type(String line) {
        typed.add(line);
    }

    @Override
    public String readLine(String prompt) throws IOException {
        try {
            String line = typed.poll(20, TimeUnit.SECONDS);
            return line == null || line.equals("\u0004") ? null : line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public String readSecret(String prompt) throws IOException {
        synchronized (this) {
            shown.add("SECRET " + prompt);
        }
        return readLine(prompt);
    }

    @Override
    public synchronized void print(String text) {
        shown.addAll(text.lines().toList());
    }

    @Override
    public synchronized void alert(Notifications.Alert alert) {
        alerts.add(alert);
    }

    synchronized List<Notifications.Alert> alerts() {
        return List.copyOf(alerts);
    }

    synchronized List<String> shown() {
        return List.copyOf(shown);
    }

    /** Waits until a line printed contains the text. */
    void awaitShown(String text, Duration wait) throws InterruptedException {
        Await.until("\"" + text + "\" shown", wait, this::shown, s -> s.stream().anyMatch(l -> l.contains(text)));
    }

    /** What the session gave to be told of the line being typed; null when it asked for nothing. */
    volatile Consumer<String> typing;

    private final List<String> statuses = new ArrayList<>();

    @Override
    public void onTyping(Consumer<String> line) {
        typing = line;
    }

    @Override
    public synchronized void status(String text) {
        statuses.add(text);
    }

    synchronized List<String> statuses() {
        return List.copyOf(statuses);
    }

    /** Waits until the status line holds the text. */
    void awaitStatus(String text, Duration wait) throws InterruptedException {
        Await.until(
                "status with \"" + text + "\"",
                wait,
                this::statuses,
                s -> !s.isEmpty() && s.get(s.size() - 1).contains(text));
    }

    @Override
    public boolean interactive() {
        return interactive;
    }

    @Override
    public void close() {}
}

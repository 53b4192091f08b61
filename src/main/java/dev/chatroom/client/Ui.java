package dev.chatroom.client;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/** Where the session reads the user's lines and prints what happens. */
public interface Ui extends AutoCloseable {
    /** The next line the user typed; null when input ended (Ctrl-D, end of stdin). */
    String readLine(String prompt) throws IOException;

    /** A line typed without being shown (a password); never kept in the history. Null at end of input. */
    default String readSecret(String prompt) throws IOException {
        return readLine(prompt);
    }

    /** An answer to a question (trust a certificate? a username): shown as typed, kept out of the history of chat lines. Null at end of input. */
    default String ask(String prompt) throws IOException {
        return readLine(prompt);
    }

    /** Prints text (one or more lines); safe from any thread, never garbles the line being typed. */
    void print(String text);

    /** Whether a check mark can be shown (the output is UTF-8). */
    default boolean unicode() {
        return Charset.defaultCharset().equals(StandardCharsets.UTF_8);
    }

    /** True for a person at a terminal, false for a script. */
    boolean interactive();

    /** Who can be completed with Tab. */
    default void completeNicksFrom(Supplier<Collection<String>> nicks) {}

    /** The status line's text (state, name, room, unread counts, lag); a no-op where there is none. */
    default void status(String text) {}

    /** Alt-1..9 (room number, from 1), Ctrl-N (+1 as next) and Ctrl-P (-1 as previous) call this. */
    default void onRoomKeys(IntConsumer switchTo) {}

    /**
     * Calls the user back (a private message, a mention): the terminal's bell and desktop
     * notification, when the terminal is not focused. A no-op where there is no terminal.
     */
    default void alert(Notifications.Alert alert) {}

    /** Called with the line being typed each time it changes (for typing notifications); a no-op for scripts. */
    default void onTyping(Consumer<String> line) {}

    /** The prompt for the next lines (the room changed). */
    default void prompt(String prompt) {}

    @Override
    void close();
}

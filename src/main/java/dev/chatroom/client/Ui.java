package dev.chatroom.client;

import java.io.IOException;
import java.util.Collection;
import java.util.function.Supplier;

/** Where the session reads the user's lines and prints what happens. */
public interface Ui extends AutoCloseable {
    /** The next line the user typed; null when input ended (Ctrl-D, end of stdin). */
    String readLine(String prompt) throws IOException;

    /** Prints text (one or more lines); safe from any thread, never garbles the line being typed. */
    void print(String text);

    /** True for a person at a terminal, false for a script. */
    boolean interactive();

    /** Who can be completed with Tab. */
    default void completeNicksFrom(Supplier<Collection<String>> nicks) {}

    @Override
    void close();
}

package dev.chatroom.server.console;

import java.io.IOException;

/** A console's keyboard and screen: a terminal ({@link TerminalScreen}) or plain lines ({@link LineScreen}). */
interface ConsoleScreen extends AutoCloseable {
    /** The next line typed; null when input ends (end of file, Ctrl-D, Ctrl-C). */
    String readLine() throws IOException;

    /** A line of output, stripped of anything that could drive a terminal already. */
    void print(String line);

    /** What y, n and a answer from now on; null when no one waits. */
    void question(Question q);

    /** The question shown now: the request y, n and a answer; null when none. */
    Question question();

    /** While a typed line is being answered: its answer comes before anything it asks next. */
    void answering(boolean busy);

    /** True on a terminal, where a person types; false for a script's lines. */
    boolean interactive();

    /**
     * For a script: waits until a request waits, so a y read before anyone asked answers the
     * next request. False when the console ends meanwhile.
     */
    boolean awaitQuestion() throws InterruptedException;

    /** The console ends: nothing waits for a question any more. */
    void ended();

    @Override
    void close() throws IOException;
}

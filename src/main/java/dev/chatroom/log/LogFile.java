package dev.chatroom.log;

import dev.chatroom.files.PrivateFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Lines appended to a file (events, by {@link EventLines}), flushed after every line so a crash loses nothing. A
 * new file is made readable by its owner only: it names people's addresses, and with --log-messages holds what they
 * said. Appending lines is all it does, so no logging library is needed.
 */
public final class LogFile implements AutoCloseable {
    private final Path path;
    private final Writer out;
    private boolean failing;

    public LogFile(Path path) throws IOException {
        this.path = path;
        PrivateFiles.createFile(path);
        this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Appends a line, already made safe by its format. */
    public synchronized void write(String line) {
        try {
            out.write(line + System.lineSeparator());
            out.flush();
            failing = false;
        } catch (IOException e) {
            // the server goes on (a full disk must not stop the chat); said once, not for every line
            if (!failing) System.err.println("chatroom: cannot write to the log file " + path + ": " + e.getMessage());
            failing = true;
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            // closing at exit: nothing left to do with the error
        }
    }
}

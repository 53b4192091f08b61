package dev.chatroom.log;

import dev.chatroom.irc.Sanitizer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Server events appended to a file, one timestamped line each. java.util.logging is enough for
 * that and costs no dependency; the file is flushed after every line so a crash loses nothing.
 */
public final class LogFile implements EventSink, AutoCloseable {
    private final FileHandler handler;
    private final Logger logger;

    public LogFile(Path path) throws IOException {
        // FileHandler treats '%' as a pattern character
        handler = new FileHandler(path.toAbsolutePath().toString().replace("%", "%%"), true);
        handler.setEncoding("UTF-8");
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord r) {
                return Instant.ofEpochMilli(r.getMillis()) + " " + r.getMessage() + System.lineSeparator();
            }
        });
        logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    /** Logs a line stripped of escape sequences and control characters: users' text ends up in here. */
    @Override
    public void event(String line) {
        logger.info(Sanitizer.forTerminal(line));
        handler.flush();
    }

    @Override
    public void close() {
        handler.close();
    }
}

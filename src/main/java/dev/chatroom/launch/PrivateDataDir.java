package dev.chatroom.launch;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.files.PrivateFiles;
import dev.chatroom.files.PrivateFiles.Loosened;
import dev.chatroom.log.Event;
import dev.chatroom.log.EventSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * At start, before anything is written: the data dir and everything in it, and the log file, taken back from other
 * users of the machine (they hold password hashes, private messages and keys). What is made new later is private
 * from the start ({@link PrivateFiles}); what an older version, a copy or an umask left open is closed here, and one
 * line says what was open.
 */
final class PrivateDataDir {
    /** Paths named in the notice; the rest are counted. */
    private static final int NAMED = 4;

    private PrivateDataDir() {}

    static void secure(ServerConfig config, EventSink events) {
        List<Loosened> opened = new ArrayList<>();
        List<Path> places = new ArrayList<>(List.of(config.dataDir()));
        if (config.logFile() != null) places.add(config.logFile());
        for (Path p : places) {
            try {
                opened.addAll(PrivateFiles.tighten(p));
            } catch (IOException | RuntimeException e) {
                events.event(Event.warn(
                                "not_private",
                                "Cannot make " + p + " private (" + e.getMessage() + "): other users may read it.")
                        .with("file", p)
                        .with("error", e.getMessage()));
            }
        }
        if (!opened.isEmpty()) events.event(Event.warn("made_private", notice(opened)));
    }

    /** "Permissions: other users could read chatroom-data (0755) and chatroom-data/chatroom.db (0644); now ...". */
    static String notice(List<Loosened> opened) {
        StringBuilder sb = new StringBuilder("Permissions: other users could read ");
        int named = opened.size() > NAMED + 1 ? NAMED : opened.size();
        for (int i = 0; i < named; i++) {
            if (i > 0) sb.append(i == opened.size() - 1 ? " and " : ", ");
            sb.append(opened.get(i).path())
                    .append(" (")
                    .append(opened.get(i).mode())
                    .append(')');
        }
        if (named < opened.size())
            sb.append(" and ").append(opened.size() - named).append(" more");
        return sb.append("; now only this user can (directories 0700, files 0600).")
                .toString();
    }
}

package dev.chatroom.cli;

import dev.chatroom.server.net.Fatal;
import java.util.ArrayList;
import java.util.List;

/**
 * The exit statuses of {@code chatroom server}, so that a supervisor knows when a restart can help. The footer of
 * {@code chatroom server --help} is made from these, and the README's table is checked against them.
 */
public enum ServerExit {
    STOPPED(0, "stopped: /shutdown, Ctrl-C or SIGTERM"),
    CANNOT_START(Fatal.EXIT_FAILED, "could not start (a port taken, the database or Redis unusable) or failed"),
    BAD_CONFIG(2, "bad flags, config file or setting; --check-config found a problem"),
    OUT_OF_MEMORY(Fatal.EXIT_OUT_OF_MEMORY, "out of memory (heap or direct)"),
    FORCED(130, "a second Ctrl-C or SIGTERM forced the stop before it finished");

    private final int code;
    private final String meaning;

    ServerExit(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The help footer's lines: "Exit status:", then one line per status. */
    static List<String> helpLines() {
        List<String> lines = new ArrayList<>(List.of("Exit status:"));
        for (ServerExit e : values()) lines.add(String.format("  %-4d%s", e.code, e.meaning));
        return lines;
    }
}

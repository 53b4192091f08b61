package dev.chatroom.server.net;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One file descriptor held open for nothing (on /dev/null), to be given up when the process has no
 * other: closing it lets one more accept succeed, so a connection that would otherwise wait in the
 * backlog can be told the server is full and closed (the trick of libev and nginx). Taken again once
 * a descriptor is free. Where there is no /dev/null there is no reserve, and accepting only pauses.
 */
final class ReserveDescriptor implements AutoCloseable {
    private static final Path NOTHING = Path.of("/dev/null");

    private final boolean possible = Files.exists(NOTHING);
    private FileChannel held;

    ReserveDescriptor() {
        take();
    }

    boolean held() {
        return held != null;
    }

    /** Gives the descriptor up; false when it was not held. */
    boolean release() {
        if (held == null) return false;
        close();
        return true;
    }

    /** Takes the descriptor back if it is not held and one is free; it stays given up otherwise. */
    void take() {
        if (held != null || !possible) return;
        try {
            held = FileChannel.open(NOTHING, StandardOpenOption.READ);
        } catch (IOException stillNone) {
            // taken at the next chance: a connection closing frees one
        }
    }

    @Override
    public void close() {
        if (held == null) return;
        try {
            held.close();
        } catch (IOException e) {
            // closing /dev/null: nothing to report, the descriptor is gone either way
        }
        held = null;
    }
}

package dev.chatroom.client;

import dev.chatroom.irc.Casemapping;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Our typing notifications (IRCv3 +typing): {@code active} while a line for a room or a person is
 * being typed, at most every 3 s for one target, and {@code done} when the line is cleared, sent, or
 * turns into a command. Commands (but /me and /msg's text) are not typing to anyone.
 */
final class TypingNotices {
    /** The spec's and the server's pace: one active per 3 s per target. */
    static final long EVERY_MILLIS = 3_000;

    private final LongSupplier clock;
    private final BiConsumer<String, String> send;
    private final Supplier<String> room;
    /** Where the last active went, and when; typing: no done sent since. */
    private String lastTarget;

    private long lastActive;
    private boolean typing;

    /** send: (target, state); room: the room on screen. */
    TypingNotices(LongSupplier clockMillis, BiConsumer<String, String> send, Supplier<String> room) {
        this.clock = clockMillis;
        this.send = send;
        this.room = room;
    }

    /** The line being typed changed (on every key: cheap). */
    synchronized void typed(String line) {
        String to = targetOf(line, room.get());
        boolean same = to != null && lastTarget != null && Casemapping.equals(to, lastTarget);
        if (typing && !same) done();
        if (to == null) return;
        long now = clock.getAsLong();
        if (!same || now - lastActive >= EVERY_MILLIS) {
            send.accept(to, "active");
            lastTarget = to;
            lastActive = now;
            typing = true;
        }
    }

    /** The line was sent. */
    synchronized void sent() {
        if (typing) done();
    }

    private void done() {
        send.accept(lastTarget, "done");
        typing = false;
    }

    /** Whom a line being typed is for: the room on screen, the person of /msg once its text starts; null for none. */
    static String targetOf(String line, String room) {
        if (line.isBlank()) return null;
        if (!line.startsWith("/") || line.startsWith("//")) return room;
        String[] w = line.split("\\s+", 3);
        String command = w[0].toLowerCase(Locale.ROOT);
        if (command.equals("/me") || command.equals("/reply")) return w.length > 1 ? room : null;
        if ((command.equals("/msg") || command.equals("/private")) && w.length > 2 && !w[2].isEmpty()) return w[1];
        return null;
    }
}

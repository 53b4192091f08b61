package dev.chatroom.server.console;

import dev.chatroom.log.Event;
import dev.chatroom.log.EventSink;

/**
 * One admin's console as the server sees it, whatever carries it (the server's own terminal,
 * admin.sock, an ssh session; an IRC operator can be one more): the name the other admins read,
 * and where the server's events and the current question reach it. Called from any thread, the
 * event loop's included, so it never blocks.
 */
public interface AdminSession extends EventSink {
    /** How the other admins read it: "console 2", "ssh alice@laptop". */
    String name();

    /** Something happened: a join request, a departure, what another admin did. */
    @Override
    void event(String line);

    /** What y, n and a answer from now on; null when no one waits. */
    void question(Question q);

    /** A session that only records events (a test's, a server without a console of its own). */
    static AdminSession printing(String name, EventSink sink) {
        return new AdminSession() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void event(String line) {
                sink.event(line);
            }

            @Override
            public void event(Event e) {
                sink.event(e);
            }

            @Override
            public void question(Question q) {}
        };
    }
}

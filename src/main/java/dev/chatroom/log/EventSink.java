package dev.chatroom.log;

/**
 * Where server events go: the console, the log file. A sink that keeps only text gets each event's sentence; the
 * structured ones ({@link EventLines}) get the event itself.
 */
@FunctionalInterface
public interface EventSink {
    /** A line with no name or fields of its own; every event reaches a text-only sink this way. */
    void event(String line);

    default void event(Event e) {
        event(e.text());
    }

    /** Both, in this order. */
    static EventSink both(EventSink first, EventSink second) {
        return new EventSink() {
            @Override
            public void event(String line) {
                first.event(line);
                second.event(line);
            }

            @Override
            public void event(Event e) {
                first.event(e);
                second.event(e);
            }
        };
    }

    EventSink NONE = line -> {};
}

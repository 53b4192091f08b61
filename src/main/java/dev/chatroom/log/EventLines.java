package dev.chatroom.log;

import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/** Events written as lines in a {@link LogFormat}, stamped with the time they arrive, to wherever lines go. */
public final class EventLines implements EventSink {
    private final LogFormat format;
    private final InstantSource clock;
    private final Consumer<String> out;

    public EventLines(LogFormat format, InstantSource clock, Consumer<String> out) {
        this.format = format;
        this.clock = clock;
        this.out = out;
    }

    @Override
    public void event(String line) {
        event(Event.note(line));
    }

    @Override
    public void event(Event e) {
        out.accept(format.line(e, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }
}

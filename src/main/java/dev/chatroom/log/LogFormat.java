package dev.chatroom.log;

import dev.chatroom.irc.Sanitizer;
import java.time.Instant;
import java.time.InstantSource;

/** How events are written (the log-format setting): a line each, for people or for machines. */
public enum LogFormat {
    /** The sentence, stripped of anything that could drive a terminal; in the file after a UTC timestamp. */
    TEXT {
        @Override
        public String line(Event e, Instant time) {
            return time + " " + Sanitizer.forTerminal(e.text());
        }

        @Override
        public EventSink console(EventSink screen, InstantSource clock) {
            return screen; // the admin watching the console knows when: the sentence alone, as always
        }
    },
    /** One JSON object a line ({@link JsonLine}). */
    JSON {
        @Override
        public String line(Event e, Instant time) {
            return JsonLine.of(e, time);
        }

        @Override
        public EventSink console(EventSink screen, InstantSource clock) {
            return new EventLines(this, clock, screen::event);
        }
    };

    /** The line for the log file. */
    public abstract String line(Event e, Instant time);

    /** What the console prints, given the sink that prints text on it. */
    public abstract EventSink console(EventSink screen, InstantSource clock);
}

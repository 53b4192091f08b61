package dev.chatroom.log;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One thing the server reports, in two forms written at the one place it happens: a name and fields for machines
 * ({@code arrived}, nick, account, address), and the sentence people read ({@code * alice entered the chatroom.}).
 * {@link LogFormat} renders it, as the sentence or as a JSON object. Built and handed to an {@link EventSink} at once.
 */
public final class Event {
    /** How much it matters: warn needs the admin's attention, error is a fault of the server or its disk. */
    public enum Level {
        INFO,
        WARN,
        ERROR;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The name of an event that has no name of its own: a line handed over as text. */
    public static final String NOTE = "note";

    /** The JSON form's own keys, which a field may not take. */
    static final Set<String> RESERVED = Set.of("time", "level", "event", "msg");

    private final String name;
    private final Level level;
    private final String text;
    private final Map<String, Object> fields = new LinkedHashMap<>(8);

    private Event(String name, Level level, String text) {
        this.name = name;
        this.level = level;
        this.text = text;
    }

    public static Event info(String name, String text) {
        return new Event(name, Level.INFO, text);
    }

    public static Event warn(String name, String text) {
        return new Event(name, Level.WARN, text);
    }

    public static Event error(String name, String text) {
        return new Event(name, Level.ERROR, text);
    }

    /** A line that is only text (the answer to a console command, a line of another part's). */
    public static Event note(String text) {
        return info(NOTE, text);
    }

    public Event nick(String v) {
        return with("nick", v);
    }

    public Event account(String v) {
        return with("account", v);
    }

    /** The client's address, as the server writes it (see ip.Address). */
    public Event address(String v) {
        return with("address", v);
    }

    public Event room(String v) {
        return with("room", v);
    }

    /** Why, as a short fixed word where there is one (a disconnect reason's key). */
    public Event reason(String v) {
        return with("reason", v);
    }

    /** Another fact; a number stays a number in JSON. A null value is left out: the fact does not apply. */
    public Event with(String key, Object value) {
        if (RESERVED.contains(key)) throw new IllegalArgumentException(key + " is the JSON form's own key");
        if (value != null) fields.put(key, value);
        return this;
    }

    public String name() {
        return name;
    }

    public Level level() {
        return level;
    }

    /** The sentence people read. */
    public String text() {
        return text;
    }

    /** The facts, in the order they were given. */
    public Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    @Override
    public String toString() {
        return text;
    }
}

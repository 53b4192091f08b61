package dev.chatroom.launch;

import java.util.ArrayList;
import java.util.List;

/** What {@code --check-config} found, in the order it looked: each thing fine or a problem, under its setting. */
public final class Findings {
    /** How a thing checked turned out: fine; fine, but worth knowing; or what would stop the start or the service. */
    public enum Level {
        OK,
        NOTE,
        PROBLEM
    }

    /** One thing checked; key is the setting it concerns, text what was found. */
    public record Finding(Level level, String key, String text) {}

    private final List<Finding> all = new ArrayList<>();

    void ok(String key, String text) {
        all.add(new Finding(Level.OK, key, text));
    }

    void note(String key, String text) {
        all.add(new Finding(Level.NOTE, key, text));
    }

    void problem(String key, String text) {
        all.add(new Finding(Level.PROBLEM, key, text));
    }

    public List<Finding> all() {
        return List.copyOf(all);
    }

    public long problems() {
        return all.stream().filter(f -> f.level() == Level.PROBLEM).count();
    }
}

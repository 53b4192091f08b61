package dev.chatroom.bench;

import dev.chatroom.irc.Casemapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a soak run counts, touched only on the generator's event loop: the messages the server
 * confirmed (echoed to their sender) per target, that is per room and per observer for private
 * messages, and the errors. An observer must receive exactly what was confirmed for its targets.
 */
final class SoakLedger {
    /** Problems (errors, duplicates) listed in the report; the rest are only counted. */
    static final int LISTED = 20;

    /** The messages' targets: the rooms, then the observers' nicks (private messages). */
    private final List<String> targets;

    private final Map<String, Integer> index = new HashMap<>();
    private final long[] confirmed;
    long connections;
    long registrations;
    long logins;
    long sent;
    long errors;
    long duplicates;
    final List<String> firstProblems = new ArrayList<>();

    SoakLedger(List<String> rooms, List<String> observerNicks) {
        targets = new ArrayList<>(rooms);
        targets.addAll(observerNicks);
        for (int i = 0; i < targets.size(); i++) index.put(Casemapping.fold(targets.get(i)), i);
        confirmed = new long[targets.size()];
    }

    int targets() {
        return targets.size();
    }

    /** The index of a room or observer nick, or -1. */
    int target(String name) {
        Integer i = index.get(Casemapping.fold(name));
        return i == null ? -1 : i;
    }

    /** The server echoed a message to target to its sender. */
    void confirm(int target) {
        confirmed[target]++;
    }

    long confirmed(int target) {
        return confirmed[target];
    }

    long confirmedTotal() {
        long n = 0;
        for (long c : confirmed) n += c;
        return n;
    }

    /** Something the server should not have done, or did not do in time. */
    void error(String who, String what) {
        errors++;
        list(who, what);
    }

    /** A message an observer received twice, or out of its sender's order. */
    void duplicate(String who, String what) {
        duplicates++;
        list(who, what);
    }

    private void list(String who, String what) {
        if (firstProblems.size() < LISTED) firstProblems.add(who + ": " + what);
    }

    /** The counts at one moment, for the sampler's table. */
    record Counts(long connections, long sent, long confirmed, long received, long errors) {}
}

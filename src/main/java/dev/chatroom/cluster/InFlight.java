package dev.chatroom.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeSet;

/**
 * This node's commands published on the bus and not yet back, by event number, each with what runs here instead if the
 * bus fails it. The loop's alone.
 *
 * <p>A command the bus failed may come back all the same: Redis published it and lost the connection before answering
 * (a primary killed, a failover). It ran here already, so it is not applied again: nobody here gets it twice.
 */
final class InFlight {
    private final LinkedHashMap<Long, Runnable> waiting = new LinkedHashMap<>();
    private final TreeSet<Long> ranHere = new TreeSet<>();
    private long next = 1;

    /** A command about to be published: its event number. */
    long add(Runnable fallback) {
        long ev = next++;
        waiting.put(ev, fallback);
        return ev;
    }

    /** The bus failed ev: it runs here, unless it came back meanwhile. */
    void failed(long ev) {
        Runnable r = waiting.remove(ev);
        if (r == null) return;
        ranHere.add(ev);
        r.run();
    }

    /** The chat split: every command still out runs here. */
    void runAllHere() {
        List<Runnable> pending = new ArrayList<>(waiting.values());
        ranHere.addAll(waiting.keySet());
        waiting.clear();
        pending.forEach(Runnable::run);
    }

    /** ev came back on the bus: whether to apply it (false when it ran here already). */
    boolean back(long ev) {
        waiting.remove(ev);
        ranHere.headSet(ev).clear(); // ours come back in the order sent: the earlier ones no longer can
        return !ranHere.remove(ev);
    }
}

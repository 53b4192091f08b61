package dev.chatroom.client;

import dev.chatroom.irc.Casemapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Who is typing (+typing as others send it), for the status line: "bob is typing…" in the room on
 * screen or privately, until their done (or paused), a message of theirs, their leaving, or 6 s
 * without an active, as the spec says. The status line is redrawn when one runs out.
 */
final class Typists {
    /** The spec's: an active not renewed within 6 s is over. */
    static final long ACTIVE_MILLIS = 6_000;

    private final LongSupplier clock;
    private final Runnable redraw;
    /** Folded conversation (a room, or the nick of a private one) -> nick as given -> until when (ms). */
    private final Map<String, Map<String, Long>> until = new HashMap<>();

    private boolean off;
    private ScheduledExecutorService timer;

    Typists(LongSupplier clockMillis, Runnable redraw) {
        this.clock = clockMillis;
        this.redraw = redraw;
    }

    /** --no-typing: nobody is shown typing. */
    synchronized void off() {
        off = true;
    }

    synchronized void seen(ClientEvent e) {
        if (off) return;
        if (e instanceof ClientEvent.Typing t) {
            if (!"active".equals(t.state())) {
                stopped(t.conversation(), t.from());
                return;
            }
            until.computeIfAbsent(Casemapping.fold(t.conversation()), k -> new HashMap<>())
                    .put(t.from(), clock.getAsLong() + ACTIVE_MILLIS);
            redrawLater();
        } else if (e instanceof ClientEvent.Chat c) {
            stopped(c.room() != null ? c.room() : c.from(), c.from());
        } else if (e instanceof ClientEvent.Left l) {
            for (Map.Entry<String, Map<String, Long>> in : until.entrySet())
                if (l.room() == null || Casemapping.equals(in.getKey(), l.room())) remove(in.getValue(), l.nick());
        }
    }

    /** "bob is typing…", "bob and carol are typing…", "4 people are typing…": in the room, or privately; null for nobody. */
    synchronized String text(String room) {
        long now = clock.getAsLong();
        List<String> who = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> in : until.entrySet()) {
            boolean here =
                    !in.getKey().startsWith("#") || room != null && in.getKey().equals(Casemapping.fold(room));
            for (Iterator<Map.Entry<String, Long>> it = in.getValue().entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Long> t = it.next();
                if (t.getValue() <= now) it.remove();
                else if (here && !who.contains(Render.plain(t.getKey()))) who.add(Render.plain(t.getKey()));
            }
        }
        if (who.isEmpty()) return null;
        who.sort(String.CASE_INSENSITIVE_ORDER);
        if (who.size() == 1) return who.get(0) + " is typing…";
        if (who.size() == 2) return who.get(0) + " and " + who.get(1) + " are typing…";
        return who.size() + " people are typing…";
    }

    private void stopped(String conversation, String nick) {
        Map<String, Long> in = until.get(Casemapping.fold(conversation));
        if (in != null) remove(in, nick);
    }

    private static void remove(Map<String, Long> in, String nick) {
        in.keySet().removeIf(n -> Casemapping.equals(n, nick));
    }

    /** Once it runs out, the status line drops it. */
    private void redrawLater() {
        if (timer == null)
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "chatroom-typing");
                t.setDaemon(true);
                return t;
            });
        timer.schedule(redraw, ACTIVE_MILLIS + 50, TimeUnit.MILLISECONDS);
    }
}

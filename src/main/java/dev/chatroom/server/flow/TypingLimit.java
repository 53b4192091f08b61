package dev.chatroom.server.flow;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which of one sender's typing notifications (IRCv3 {@code +typing} on TAGMSG) are relayed, per
 * target: {@code active} at most once every {@link #ACTIVE_EVERY_MILLIS}, whatever came between;
 * {@code paused} only after an {@code active}, {@code done} only after either, so neither is ever
 * repeated and alternating them gains nothing. That is at most three notifications per target
 * every three seconds, whatever a client sends; the rest are dropped. A value the spec does not
 * know counts as {@code active}. Only the targets typed to last are remembered ({@link #TARGETS}):
 * forgetting one costs at most one early {@code active}.
 */
public final class TypingLimit {
    /** The spec's own pace: clients SHOULD NOT send {@code active} more often. */
    public static final long ACTIVE_EVERY_MILLIS = 3000;
    /** Targets remembered per sender. */
    static final int TARGETS = 16;

    private static final char ACTIVE = 'a';
    private static final char PAUSED = 'p';
    private static final char DONE = 'd';

    /** What a target was last shown, and when its last {@code active} went out. */
    private static final class Shown {
        char state;
        long activeAtMillis;
    }

    private final Map<String, Shown> shown = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Shown> eldest) {
            return size() > TARGETS;
        }
    };

    /** Whether a notification with this value to target (a folded nick or room name) is relayed; if so, it is counted. */
    public boolean allow(String target, String value, long nowMillis) {
        char state = "paused".equals(value) ? PAUSED : "done".equals(value) ? DONE : ACTIVE;
        Shown s = shown.get(target);
        char last = s == null ? DONE : s.state;
        boolean allowed = switch (state) {
            case ACTIVE -> s == null || nowMillis - s.activeAtMillis >= ACTIVE_EVERY_MILLIS;
            case PAUSED -> last == ACTIVE;
            default -> last != DONE;
        };
        if (!allowed) return false;
        if (s == null) shown.put(target, s = new Shown());
        s.state = state;
        if (state == ACTIVE) s.activeAtMillis = nowMillis;
        return true;
    }

    /** How many targets are remembered (for tests: it stays bounded). */
    int size() {
        return shown.size();
    }
}

package dev.chatroom.client;

import dev.chatroom.irc.Casemapping;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Tells the server what the user has read (draft/read-marker), so the account's other devices
 * and a later connection know: a conversation is read up to its newest message shown while it
 * was on screen (a room that is the current one, any private conversation). At most once every
 * {@value #INTERVAL_MILLIS} ms per conversation, the newest then; at once when the user leaves
 * the room or switches away from it. For the whole session; any thread.
 */
final class MarkRead implements AutoCloseable {
    static final long INTERVAL_MILLIS = 3_000;

    /** Sends MARKREAD on the connection of the moment; false when it could not (then it is sent once back in). */
    interface Sender {
        boolean send(String target, Instant upTo);
    }

    /** Runs a task after a delay. */
    interface Later {
        void run(Runnable task, long delayMillis);
    }

    private static final class Conversation {
        final String name;
        /** Read up to here, not yet sent. */
        Instant pending;
        /** The furthest sent, or that the server said. */
        Instant told;

        long sentAt = Long.MIN_VALUE / 2;
        boolean scheduled;

        Conversation(String name) {
            this.name = name;
        }
    }

    private final HistoryMarks marks;
    private final Sender sender;
    private final LongSupplier millis;
    private final Later later;
    private final ScheduledExecutorService timer;
    private final Map<String, Conversation> conversations = new HashMap<>();

    MarkRead(HistoryMarks marks, Sender sender, LongSupplier millis, Later later) {
        this(marks, sender, millis, later, null);
    }

    private MarkRead(HistoryMarks marks, Sender sender, LongSupplier millis, Later later, ScheduledExecutorService t) {
        this.marks = marks;
        this.sender = sender;
        this.millis = millis;
        this.later = later;
        this.timer = t;
    }

    /** On the system clock, the delayed ones sent by a daemon thread of its own (ended by {@link #close()}). */
    static MarkRead onOwnThread(HistoryMarks marks, Sender sender) {
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r, "mark-read");
            th.setDaemon(true);
            return th;
        });
        return new MarkRead(
                marks,
                sender,
                System::currentTimeMillis,
                (task, delay) -> t.schedule(task, delay, TimeUnit.MILLISECONDS),
                t);
    }

    /** What an event shows: a message (or history) of the room on screen, or of a private conversation, is read. */
    void shown(ClientEvent e, String current, ChatClient client) {
        if (e instanceof ClientEvent.Chat c) {
            if (c.room() != null && Casemapping.equals(c.room(), String.valueOf(current))) read(c.room(), false);
            else if (c.room() == null && !c.notice() && client != null)
                read(client.isMe(c.from()) ? c.to() : c.from(), false);
        } else if (e instanceof ClientEvent.History h
                && h.kind() != ClientEvent.HistoryKind.OLDER
                && h.target() != null
                && (!h.target().startsWith("#") || Casemapping.equals(h.target(), String.valueOf(current)))) {
            read(h.target(), false);
        } else if (e instanceof ClientEvent.ReadMarker m && m.upTo() != null) {
            told(m.target(), m.upTo());
        } else if (e instanceof ClientEvent.Parted p) {
            read(p.room(), true);
        } else if (e instanceof ClientEvent.Welcome) {
            sendPending();
        }
    }

    /** The user switches from one room to another: the one left is told at once, the one on screen is read. */
    void switched(String from, String to) {
        if (from != null) read(from, true);
        if (to != null) read(to, true);
    }

    /** Everything shown of the conversation is read; now: do not wait for the interval. */
    synchronized void read(String target, boolean now) {
        HistoryMarks.Mark newest = marks.newest(target);
        if (newest == null) return;
        Conversation c = conversations.computeIfAbsent(Casemapping.fold(target), k -> new Conversation(target));
        Instant upTo = newest.time();
        if (c.told != null && !upTo.isAfter(c.told) || c.pending != null && !upTo.isAfter(c.pending)) {
            if (now) send(c);
            return;
        }
        c.pending = upTo;
        long wait = c.sentAt + INTERVAL_MILLIS - millis.getAsLong();
        if (now || wait <= 0) send(c);
        else if (!c.scheduled) {
            c.scheduled = true;
            later.run(() -> sendDue(c), wait);
        }
    }

    /** The server's marker: nothing older than it is sent. */
    private synchronized void told(String target, Instant upTo) {
        Conversation c = conversations.computeIfAbsent(Casemapping.fold(target), k -> new Conversation(target));
        if (c.told == null || upTo.isAfter(c.told)) c.told = upTo;
        if (c.pending != null && !c.pending.isAfter(c.told)) c.pending = null;
    }

    /** Sends what waited for its interval. */
    private synchronized void sendDue(Conversation c) {
        c.scheduled = false;
        send(c);
    }

    /** What waits goes now: back in after a reconnection, or leaving. */
    synchronized void sendPending() {
        for (Conversation c : conversations.values()) if (c.pending != null) send(c);
    }

    private void send(Conversation c) {
        if (c.pending == null || !sender.send(c.name, c.pending)) return;
        c.told = c.pending;
        c.pending = null;
        c.sentAt = millis.getAsLong();
    }

    @Override
    public void close() {
        if (timer != null) timer.shutdownNow();
    }
}

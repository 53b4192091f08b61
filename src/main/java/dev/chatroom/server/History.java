package dev.chatroom.server;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Casemapping;
import dev.chatroom.server.output.HistoryLines;
import dev.chatroom.server.output.Output;
import dev.chatroom.server.output.Replies;
import dev.chatroom.server.output.Said;
import dev.chatroom.store.HistoryStore;
import dev.chatroom.store.StoredMessage;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What the server remembers of what was said, on the loop's side: every room message and every
 * private message of an account goes to the {@link HistoryStore}; the last few of each room
 * stay in memory too, so a joining client is shown them at once, in order with what is said
 * next, without waiting for the disk. Old messages are pruned every hour. A sender is answered
 * only once its message is written ({@link Acknowledgements}).
 */
public final class History {
    private static final long PRUNE_EVERY_NANOS = TimeUnit.HOURS.toNanos(1);
    private static final long DAY_MILLIS = TimeUnit.DAYS.toMillis(1);
    /** Rooms whose replay is held in memory (50 messages each by default): past it a new room has no replay, only CHATHISTORY. */
    static final int MAX_RINGS = 2_000;

    private final HistoryStore store;
    private final Clock clock;
    private final Cloaks cloaks;
    private final int replay;
    private final int days;
    private final int maxPerRoom;
    /** The newest {@link #replay} messages of each room with any, oldest first. */
    private final Map<String, ArrayDeque<StoredMessage>> recent = new HashMap<>();

    private final SearchTurns searchTurns = new SearchTurns();
    private final Acknowledgements acknowledgements;

    public History(ServerConfig config, HistoryStore store, Clock clock, Cloaks cloaks, Output output) {
        boolean on = config.historyDays() > 0 && store != HistoryStore.NONE;
        this.store = on ? store : HistoryStore.NONE;
        this.acknowledgements = new Acknowledgements(output, clock, on);
        if (on) store.whenWritten(acknowledgements::written);
        this.clock = clock;
        this.cloaks = cloaks;
        this.days = on ? config.historyDays() : 0;
        this.replay = on ? config.historyReplay() : 0;
        this.maxPerRoom = config.historyMaxPerRoom();
        for (StoredMessage m : this.store.recentPerRoom(replay)) remember(m);
        if (days > 0) {
            clock.later(this::prune);
        }
    }

    /** Whether anything is stored (CHATHISTORY and search are offered). */
    public boolean enabled() {
        return days > 0;
    }

    public HistoryStore store() {
        return store;
    }

    public SearchTurns searchTurns() {
        return searchTurns;
    }

    /** What waits for the store before it is sent: the senders' answers. */
    public Acknowledgements acknowledgements() {
        return acknowledgements;
    }

    /**
     * Something said in a room (PRIVMSG or NOTICE, or a reaction: a TAGMSG with empty text), as it was
     * relayed, by the connection it came on (a person's, or another of its devices: that one's answers
     * wait for the store); clientTags are those {@link HistoryTags} keeps.
     */
    public void said(
            Connection device, Room room, Said b, String command, String text, Map<String, String> clientTags) {
        if (!enabled()) return;
        Connection from = device.person();
        String account = from.account();
        StoredMessage m = new StoredMessage(
                b.msgid(),
                b.timeMillis(),
                from.prefix(),
                Casemapping.fold(from.nick()),
                account,
                fold(account),
                command,
                room.name(),
                Casemapping.fold(room.name()),
                null,
                null,
                text,
                clientTags);
        if (!from.isRemote() || !store.shared()) { // a shared store gets it once, from the sender's node
            acknowledgements.stored(device, store.append(m));
        }
        remember(m);
    }

    /** A private message: kept when either side is logged in, for that side's account (private messages of guests are not kept). */
    public void saidPrivately(
            Connection device, Connection to, Said b, String command, String text, Map<String, String> clientTags) {
        Connection from = device.person();
        if (!enabled() || (from.account() == null && to.account() == null)) return;
        if (from.isRemote() && store.shared()) return;
        String account = from.account();
        acknowledgements.stored(
                device,
                store.append(new StoredMessage(
                        b.msgid(),
                        b.timeMillis(),
                        from.prefix(),
                        Casemapping.fold(from.nick()),
                        account,
                        fold(account),
                        command,
                        to.nick(),
                        null,
                        Casemapping.fold(to.nick()),
                        fold(to.account()),
                        text,
                        clientTags)));
    }

    private void remember(StoredMessage m) {
        if (replay <= 0 || m.roomKey() == null) return;
        if (recent.size() >= MAX_RINGS && !recent.containsKey(m.roomKey()))
            return; // memory stays bounded however many rooms come and go
        ArrayDeque<StoredMessage> ring =
                recent.computeIfAbsent(m.roomKey(), k -> new ArrayDeque<>(Math.min(replay, 16)));
        if (ring.size() >= replay) ring.pollFirst();
        ring.addLast(m);
    }

    /** The room's message with this msgid among those replayed, or null. */
    StoredMessage recent(String roomKey, String msgid) {
        ArrayDeque<StoredMessage> ring = recent.get(roomKey);
        if (ring == null) return null;
        for (StoredMessage m : ring) if (m.msgid().equals(msgid)) return m;
        return null;
    }

    /** A deleted message is replayed no more (roomKey null: a private message, never replayed). */
    void forgetMessage(String roomKey, String msgid) {
        ArrayDeque<StoredMessage> ring = roomKey == null ? null : recent.get(roomKey);
        if (ring != null) ring.removeIf(m -> m.msgid().equals(msgid));
    }

    /**
     * c has just joined the room: it is shown what was said before, unless it negotiated
     * draft/chathistory (then it asks for what it wants itself).
     */
    public void joined(Connection c, Room room, Replies r) {
        if (replay <= 0 || r.to().has(Capability.CHATHISTORY)) return;
        ArrayDeque<StoredMessage> ring = recent.get(Casemapping.fold(room.name()));
        if (ring == null || ring.isEmpty()) return;
        long oldest = oldestKept();
        List<StoredMessage> shown =
                ring.stream().filter(m -> m.timeMillis() >= oldest).toList();
        if (!shown.isEmpty()) HistoryLines.replay(r, cloaks, room.name(), shown);
    }

    private long oldestKept() {
        return clock.millis() - days * DAY_MILLIS;
    }

    /** Removes what the retention settings no longer keep, then again in an hour. */
    private void prune() {
        long oldest = oldestKept();
        store.prune(oldest, maxPerRoom);
        recent.values().removeIf(ring -> {
            while (!ring.isEmpty() && ring.peekFirst().timeMillis() < oldest) ring.pollFirst();
            return ring.isEmpty();
        });
        clock.schedule(this::prune, PRUNE_EVERY_NANOS);
    }

    /**
     * The room's last member left. A room others could not simply join (+s, +i, +k) takes its
     * history with it: whoever creates the name next must not read it. A public room's history
     * stays (anyone could have joined and read it), and so does its replay.
     */
    public void roomGone(String roomKey, boolean closed) {
        if (!closed) return;
        recent.remove(roomKey);
        store.purge(roomKey, null, n -> {});
    }

    /** A dropped account's private conversations are erased: the next owner of the name must not read them. */
    public void forgetAccount(String accountKey) {
        store.purgeAccount(accountKey);
    }

    /** The admin removes a room's messages (roomKey) or a person's (nickKey); then learns how many went (-1: it failed). */
    public void purge(String roomKey, String nickKey, Consumer<Integer> then) {
        forget(roomKey, nickKey);
        store.purge(roomKey, nickKey, then);
    }

    /** Drops from the replayed lines what a purge erased from the store (another node's purge of the shared store). */
    public void forget(String roomKey, String nickKey) {
        if (roomKey != null) {
            recent.remove(roomKey);
        } else {
            recent.values()
                    .forEach(ring ->
                            ring.removeIf(m -> nickKey.equals(m.senderKey()) || nickKey.equals(m.accountKey())));
        }
    }

    private static String fold(String account) {
        return account == null ? null : Casemapping.fold(account);
    }
}

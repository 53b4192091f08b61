package dev.chatroom.client;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Messages from the past on one connection: CHATHISTORY after entering a room (the latest, or
 * after a reconnection what came since the last one seen), /history, /search; the batches that
 * answer them, and the server's own replay on joining, gathered whole and handed on as one
 * {@link ClientEvent.History} or {@link ClientEvent.SearchResults}, never as live messages.
 * Runs on the network thread.
 */
final class HistoryRequests {
    static final String CHATHISTORY = "draft/chathistory";
    static final String SEARCH = "soju.im/search";
    static final String READ_MARKER = "draft/read-marker";
    static final int ON_JOIN = 50;
    static final int MAX = 1000;

    private enum Type {
        HISTORY,
        SEARCH,
        TARGETS
    }

    static final String TARGETS = "draft/chathistory-targets";
    /** Private conversations caught up after a reconnection, at most. */
    static final int TARGETS_MAX = 50;

    /** What we asked for; the live messages of its room that came while it was on its way (the answer may hold them too). */
    private record Request(Type type, ClientEvent.HistoryKind kind, String target, String words, Set<String> liveIds) {}

    private static final class Open {
        final String type;
        final String target;
        final Request request;
        final List<Message> lines = new ArrayList<>();

        Open(String type, String target, Request request) {
            this.type = type;
            this.target = target;
            this.request = request;
        }
    }

    private final Consumer<String> send;
    private final Predicate<String> caps;
    private final Consumer<ClientEvent> listener;
    /** By label, in the order sent: without labeled-response, an answer is the first one of its kind. */
    private final Map<String, Request> pending = new LinkedHashMap<>();

    private final Map<String, Open> open = new HashMap<>();
    private Function<String, ClientEvent.Chat> seen = msgid -> null;
    private Consumer<Message> remember = line -> {};
    private int labels;
    private HistoryMarks marks = new HistoryMarks();
    /** Rooms we were in before a reconnection (folded): entering one again fetches what was missed. */
    private final Set<String> catchUp = new HashSet<>();
    /** After a reconnection: the newest message seen before it, from which private conversations are caught up. */
    private HistoryMarks.Mark away;
    /** The same, while the TARGETS answer is on its way. */
    private HistoryMarks.Mark awaySince;

    HistoryRequests(Consumer<String> send, Predicate<String> caps, Consumer<ClientEvent> listener) {
        this.send = send;
        this.caps = caps;
        this.listener = listener;
    }

    /** The messages seen (Deletions'): history's replies name them, /react and /reply reach history's messages. */
    void seen(Function<String, ClientEvent.Chat> lookup, Consumer<Message> shown) {
        seen = lookup;
        remember = shown;
    }

    void remembering(HistoryMarks m, List<String> rejoining) {
        marks = m;
        for (String r : rejoining) catchUp.add(Casemapping.fold(r));
        away = m.newestOfAll(); // none on the first connection: marks are the session's
    }

    /**
     * Registered again after a reconnection: which private conversations had messages since the
     * newest one seen is asked for (CHATHISTORY TARGETS), then what each missed. Rooms catch up
     * on entering them.
     */
    void welcomed() {
        HistoryMarks.Mark since = away;
        away = null;
        if (since == null || !caps.test(CHATHISTORY)) return;
        awaySince = since;
        String from = new HistoryMarks.Mark(null, since.time()).reference();
        String to = new HistoryMarks.Mark(null, Instant.now().plusSeconds(60)).reference();
        ask(
                Type.TARGETS,
                ClientEvent.HistoryKind.MISSED,
                null,
                null,
                "CHATHISTORY TARGETS " + from + " " + to + " " + TARGETS_MAX);
    }

    HistoryMarks marks() {
        return marks;
    }

    /** We are in the room now (its member list came). */
    void entered(String room) {
        if (!caps.test(CHATHISTORY)) return; // the server replays on its own: see replayKind
        HistoryMarks.Mark last = catchUp.remove(Casemapping.fold(room)) ? marks.newest(room) : null;
        if (last != null)
            ask(
                    Type.HISTORY,
                    ClientEvent.HistoryKind.MISSED,
                    room,
                    null,
                    "CHATHISTORY AFTER " + room + " " + last.reference() + " " + MAX);
        else
            ask(
                    Type.HISTORY,
                    ClientEvent.HistoryKind.JOINED,
                    room,
                    null,
                    "CHATHISTORY LATEST " + room + " * " + ON_JOIN);
    }

    /** /history: count messages from before the oldest one seen of the conversation. */
    void older(String target, int count) {
        if (!caps.test(CHATHISTORY)) {
            listener.accept(new ClientEvent.Problem("This server keeps no history (no draft/chathistory)."));
            return;
        }
        HistoryMarks.Mark first = marks.oldest(target);
        String line = first == null
                ? "CHATHISTORY LATEST " + target + " * " + count
                : "CHATHISTORY BEFORE " + target + " " + first.reference() + " " + count;
        ask(Type.HISTORY, ClientEvent.HistoryKind.OLDER, target, null, line);
    }

    void search(String words) {
        if (!caps.test(SEARCH)) {
            listener.accept(new ClientEvent.Problem("This server does not offer search (no soju.im/search)."));
            return;
        }
        ask(Type.SEARCH, null, null, words, "SEARCH text=" + Message.escapeTagValue(words));
    }

    private void ask(Type type, ClientEvent.HistoryKind kind, String target, String words, String line) {
        String label = "h" + ++labels;
        pending.put(label, new Request(type, kind, target, words, new HashSet<>()));
        send.accept(caps.test("labeled-response") ? "@label=" + label + " " + line : line);
    }

    /** A live message of a conversation: the newest seen, and not to be shown again when an answer on its way holds it. */
    void live(Message m, String conversation) {
        String msgid = m.tags().get("msgid");
        if (msgid == null && m.tags().get("time") == null) return; // no way to point at it
        marks.live(conversation, msgid, IncomingMessages.timeOf(m));
        if (msgid == null) return;
        for (Request r : pending.values())
            if (r.target() != null && Casemapping.equals(r.target(), conversation))
                r.liveIds().add(msgid);
    }

    /** Tells the server the conversation was read up to a message's time; false when it does not keep read markers. */
    boolean markRead(String target, Instant upTo) {
        if (!caps.test(READ_MARKER)) return false;
        send.accept("MARKREAD " + target + " " + new HistoryMarks.Mark(null, upTo).reference());
        return true;
    }

    /** Takes the lines that are history's: BATCH, what is inside its batches, its FAILs, MARKREAD. False for anything else. */
    boolean absorb(Message m) {
        if (m.command().equals("MARKREAD") && m.param(0) != null) {
            Instant upTo = HistoryMarks.timestamp(m.param(1));
            if (upTo != null) upTo = marks.read(m.param(0), upTo);
            listener.accept(new ClientEvent.ReadMarker(m.param(0), upTo));
            return true;
        }
        String batch = m.tags().get("batch");
        if (m.command().equals("BATCH") && m.param(0) != null && m.param(0).length() > 1) {
            String id = m.param(0).substring(1);
            if (m.param(0).startsWith("+")) return start(id, m);
            Open o = open.remove(id);
            if (o == null) return false;
            finish(o);
            return true;
        }
        Open in = batch == null ? null : open.get(batch);
        if (in != null && !in.type.equals("labeled-response")) {
            in.lines.add(m);
            return true;
        }
        if (m.command().equals("FAIL") && ("CHATHISTORY".equals(m.param(0)) || "SEARCH".equals(m.param(0)))) {
            failed(m, in);
            return true;
        }
        return false;
    }

    private boolean start(String id, Message m) {
        String type = m.param(1);
        if (!"chathistory".equals(type)
                && !SEARCH.equals(type)
                && !TARGETS.equals(type)
                && !"labeled-response".equals(type)) return false;
        String label = labelOf(m, open.get(m.tags().get("batch")));
        Type wanted = SEARCH.equals(type) ? Type.SEARCH : TARGETS.equals(type) ? Type.TARGETS : Type.HISTORY;
        Request r = "labeled-response".equals(type) ? null : take(label, wanted, m.param(2));
        open.put(id, new Open(type, m.param(2), r));
        if ("labeled-response".equals(type)) open.get(id).lines.add(m); // keeps the label for what is nested in it
        return true;
    }

    /** A label on the line, or on the labeled-response batch it is in. */
    private static String labelOf(Message m, Open outer) {
        String label = m.tags().get("label");
        if (label == null && outer != null && outer.type.equals("labeled-response"))
            label = outer.lines.get(0).tags().get("label");
        return label;
    }

    /** The request a reply answers: by its label, else the first one sent of that type (and target); null for none (the server's replay). */
    private Request take(String label, Type type, String target) {
        if (label != null) return pending.remove(label);
        for (Iterator<Request> it = pending.values().iterator(); it.hasNext(); ) {
            Request r = it.next();
            if (r.type() == type && (target == null || r.target() == null || Casemapping.equals(r.target(), target))) {
                it.remove();
                return r;
            }
        }
        return null;
    }

    private void failed(Message m, Open outer) {
        boolean search = "SEARCH".equals(m.param(0));
        String target = search || m.params().size() < 5 ? null : m.param(3);
        take(
                labelOf(m, outer),
                search ? Type.SEARCH : "TARGETS".equals(m.param(2)) ? Type.TARGETS : Type.HISTORY,
                target);
        String text = m.param(m.params().size() - 1);
        listener.accept(new ClientEvent.Problem(
                (search ? "Search failed: " : "No history" + (target == null ? "" : " of " + target) + ": ") + text));
    }

    private void finish(Open o) {
        if (o.type.equals("labeled-response")) return;
        if (o.type.equals(TARGETS)) {
            catchUpPrivately(o);
            return;
        }
        List<ClientEvent.Chat> chats = new ArrayList<>();
        ClientEvent.HistoryKind kind = o.request != null ? o.request.kind() : replayKind(o.target);
        HistoryMarks.Mark before = o.request == null ? marks.newest(o.target) : null;
        HistoryMarks.Mark first = null;
        HistoryMarks.Mark last = null;
        HistoryThreads threads = new HistoryThreads(seen);
        for (Message line : o.lines) {
            if (threads.reaction(line)) continue;
            ClientEvent.Chat c = IncomingMessages.chatOf(line);
            if (c == null || duplicate(o, line, c, before)) continue;
            chats.add(threads.message(line, c, chats.size()));
            remember.accept(line);
            last = new HistoryMarks.Mark(line.tags().get("msgid"), c.time());
            if (first == null) first = last;
        }
        chats = threads.summed(chats);
        if (o.target != null && first != null)
            marks.shown(o.target, first, last, kind == ClientEvent.HistoryKind.OLDER);
        if (o.type.equals(SEARCH))
            listener.accept(
                    new ClientEvent.SearchResults(o.request == null ? "" : o.request.words(), List.copyOf(chats)));
        else
            listener.accept(new ClientEvent.History(
                    o.target, kind, List.copyOf(chats), o.target == null ? null : marks.readUpTo(o.target)));
    }

    /** Each private conversation the server listed gets what came after the newest message seen of it (or since the reconnection). */
    private void catchUpPrivately(Open o) {
        HistoryMarks.Mark since = awaySince;
        if (since == null) return;
        for (Message line : o.lines) {
            if (!"TARGETS".equals(line.param(0))
                    || line.param(1) == null
                    || line.param(1).startsWith("#")) continue;
            String nick = line.param(1);
            // the newest seen of this conversation, unless it came after the reconnection (live, while this was on its
            // way)
            HistoryMarks.Mark last = marks.newest(nick);
            if (last == null || last.time().isAfter(since.time())) last = new HistoryMarks.Mark(null, since.time());
            ask(
                    Type.HISTORY,
                    ClientEvent.HistoryKind.MISSED,
                    nick,
                    null,
                    "CHATHISTORY AFTER " + nick + " " + last.reference() + " " + MAX);
        }
    }

    /** The server's own replay (no draft/chathistory): after a reconnection, what we saw before it is not shown again. */
    private ClientEvent.HistoryKind replayKind(String room) {
        boolean missed = room != null && catchUp.remove(Casemapping.fold(room)) && marks.newest(room) != null;
        return missed ? ClientEvent.HistoryKind.MISSED : ClientEvent.HistoryKind.JOINED;
    }

    private static boolean duplicate(Open o, Message line, ClientEvent.Chat c, HistoryMarks.Mark seenBefore) {
        String msgid = line.tags().get("msgid");
        if (o.request != null) return msgid != null && o.request.liveIds().contains(msgid);
        return seenBefore != null && !c.time().isAfter(seenBefore.time());
    }
}

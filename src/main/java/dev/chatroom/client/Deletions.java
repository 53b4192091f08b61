package dev.chatroom.client;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Message;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Deleting messages (IRCv3 draft/message-redaction): the msgids of what we said, per
 * conversation, so /delete can name one (the server gives them with echo-message), and the
 * deletions we are told of, as events naming the message when we saw it (others are ignored,
 * as the spec asks). On the network thread.
 */
final class Deletions {
    static final String CAP = "draft/message-redaction";
    /** Our own messages remembered per conversation: /delete reaches this far back. */
    static final int OWN = 100;
    /** Messages of anyone remembered, to say which one was deleted. */
    static final int SEEN = 1000;

    private final Consumer<String> send;
    private final Predicate<String> granted;
    private final Consumer<ClientEvent> listener;
    private final Map<String, ArrayDeque<String>> own = new HashMap<>();
    private final Map<String, ClientEvent.Chat> seen = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ClientEvent.Chat> eldest) {
            return size() > SEEN;
        }
    };

    Deletions(Consumer<String> send, Predicate<String> granted, Consumer<ClientEvent> listener) {
        this.send = send;
        this.granted = granted;
        this.listener = listener;
    }

    /** What a deletion says in place of the message (text made safe by clean): its first words, who and why. */
    static String describe(ClientEvent.Deleted d, UnaryOperator<String> clean) {
        ClientEvent.Chat c = d.message();
        String words = clean.apply(c.text());
        if (words.codePointCount(0, words.length()) > 30)
            words = words.substring(0, words.offsetByCodePoints(0, 30)) + "...";
        boolean bySender = d.by() != null && Casemapping.equals(d.by(), c.from());
        return "(message deleted) " + clean.apply(c.from()) + ": \"" + words + "\""
                + (bySender ? "" : " by " + (d.by() == null ? "the admin" : clean.apply(d.by())))
                + (d.reason() == null ? "" : " (" + clean.apply(d.reason()) + ")");
    }

    /** A live message of the conversation; mine: we sent it. */
    void seen(Message m, String conversation, boolean mine) {
        String msgid = m.tags().get("msgid");
        ClientEvent.Chat chat = IncomingMessages.chatOf(m);
        if (msgid == null || chat == null) return;
        seen.put(msgid, chat);
        if (!mine) return;
        ArrayDeque<String> ids = own.computeIfAbsent(Casemapping.fold(conversation), k -> new ArrayDeque<>());
        ids.addLast(msgid);
        if (ids.size() > OWN) ids.pollFirst();
    }

    /** A message of history shown: named by later replies, reactions and deletions. */
    void remember(Message m) {
        String msgid = m.tags().get("msgid");
        ClientEvent.Chat chat = IncomingMessages.chatOf(m);
        if (msgid != null && chat != null) seen.putIfAbsent(msgid, chat);
    }

    /** A message seen, by its msgid; null when not (or no longer) remembered. */
    ClientEvent.Chat seen(String msgid) {
        return seen.get(msgid);
    }

    /** The last n messages seen that match (msgid and message), newest first. */
    List<Map.Entry<String, ClientEvent.Chat>> newestFirst(Predicate<ClientEvent.Chat> match, int n) {
        List<Map.Entry<String, ClientEvent.Chat>> all = new ArrayList<>();
        for (Map.Entry<String, ClientEvent.Chat> e : seen.entrySet())
            if (match.test(e.getValue())) all.add(Map.entry(e.getKey(), e.getValue()));
        Collections.reverse(all); // of one instant, the one seen later first: the sort is stable
        all.sort(Comparator.comparing(
                        (Map.Entry<String, ClientEvent.Chat> e) -> e.getValue().time())
                .reversed());
        return all.subList(0, Math.min(n, all.size()));
    }

    /** /delete: the nth last message we sent to target (a room or a nick), 1 for the last. */
    void delete(String target, int nth) {
        if (!granted.test(CAP)) {
            listener.accept(new ClientEvent.Problem("This server does not offer deleting messages."));
            return;
        }
        ArrayDeque<String> ids = own.get(Casemapping.fold(target));
        if (ids == null || ids.size() < nth) {
            int have = ids == null ? 0 : ids.size();
            listener.accept(new ClientEvent.Problem(
                    have == 0
                            ? "You have no message to delete in " + target + "."
                            : "You have only " + have + " message" + (have == 1 ? "" : "s") + " to delete in " + target
                                    + "."));
            return;
        }
        Iterator<String> newestFirst = ids.descendingIterator();
        String msgid = null;
        for (int i = 0; i < nth; i++) msgid = newestFirst.next();
        send.accept("REDACT " + target + " " + msgid);
    }

    /** REDACT target msgid [reason]: a message we saw is shown as deleted; one we never saw is ignored. */
    void onRedact(Message m) {
        String msgid = m.param(1);
        ClientEvent.Chat gone = msgid == null ? null : seen.remove(msgid);
        for (ArrayDeque<String> ids : own.values()) ids.remove(msgid);
        if (gone == null) return;
        String by = m.prefix() != null && m.prefix().contains("!") ? m.sourceNick() : null;
        String reason = m.param(2) == null || m.param(2).isEmpty() ? null : m.param(2);
        listener.accept(new ClientEvent.Deleted(IncomingMessages.timeOf(m), gone, by, reason));
    }
}

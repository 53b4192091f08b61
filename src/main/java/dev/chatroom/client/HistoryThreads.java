package dev.chatroom.client;

import dev.chatroom.irc.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * What one batch of history says of its messages with client tags: a reply linked to the message it
 * answers (in the batch, or seen before), and the reactions (TAGMSG +draft/react) summed on the
 * message they name, "👍 2, ❤ 1"; a reaction to a message not in the batch is left out.
 */
final class HistoryThreads {
    private final Function<String, ClientEvent.Chat> seenBefore;
    /** The batch's messages by msgid, and where each is in the list shown. */
    private final Map<String, ClientEvent.Chat> byId = new HashMap<>();

    private final Map<String, Integer> at = new HashMap<>();
    /** msgid -> reaction -> how many, in the order they first came. */
    private final Map<String, Map<String, Integer>> reactions = new HashMap<>();

    HistoryThreads(Function<String, ClientEvent.Chat> seenBefore) {
        this.seenBefore = seenBefore;
    }

    /** A reaction is counted (true); anything else is not one. */
    boolean reaction(Message line) {
        String reaction = line.tags().get("+draft/react");
        String to = line.tags().get("+draft/reply");
        if (!line.command().equals("TAGMSG") || reaction == null || reaction.isEmpty() || to == null) return false;
        reactions.computeIfAbsent(to, k -> new LinkedHashMap<>()).merge(reaction, 1, Integer::sum);
        return true;
    }

    /** A message of the batch, at index in the list shown: linked to the one it answers. */
    ClientEvent.Chat message(Message line, ClientEvent.Chat c, int index) {
        String replyTo = line.tags().get("+draft/reply");
        ClientEvent.Chat earlier = replyTo == null ? null : byId.getOrDefault(replyTo, seenBefore.apply(replyTo));
        ClientEvent.Chat linked = earlier == null ? c : c.replyingTo(earlier);
        String msgid = line.tags().get("msgid");
        if (msgid != null) {
            byId.put(msgid, linked);
            at.put(msgid, index);
        }
        return linked;
    }

    /** The list with the reactions summed on their messages. */
    List<ClientEvent.Chat> summed(List<ClientEvent.Chat> chats) {
        List<ClientEvent.Chat> out = new ArrayList<>(chats);
        for (Map.Entry<String, Map<String, Integer>> r : reactions.entrySet()) {
            Integer i = at.get(r.getKey());
            if (i == null) continue;
            StringJoiner sums = new StringJoiner(", ");
            r.getValue().forEach((reaction, n) -> sums.add(reaction + " " + n));
            out.set(i, out.get(i).withReactions(sums.toString()));
        }
        return out;
    }
}

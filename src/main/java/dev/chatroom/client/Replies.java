package dev.chatroom.client;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Message;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Reactions, replies and typing (IRCv3 client tags +draft/react, +draft/reply, +typing): /react and
 * /reply pick one of the last messages seen by its number (the msgids {@link Deletions} keeps), and
 * what others send becomes events naming the message they answer. On the network thread.
 */
final class Replies {
    static final String CAP = "message-tags";
    /** How many messages /react and /reply alone list, and reach back. */
    static final int LISTED = 5;

    static final int REACHED = 20;

    private final ChatClient client;
    private final Consumer<ClientEvent> listener;
    private final Predicate<String> caps;
    private final Deletions seen;

    Replies(ChatClient client, Consumer<ClientEvent> listener, Predicate<String> caps, Deletions seen) {
        this.client = client;
        this.listener = listener;
        this.caps = caps;
        this.seen = seen;
    }

    /** A message as shown: with the one it answers, when we saw that one. */
    ClientEvent.Chat answering(Message m, ClientEvent.Chat chat) {
        String to = m.tags().get("+draft/reply");
        ClientEvent.Chat earlier = to == null ? null : seen.seen(to);
        return earlier == null ? chat : chat.replyingTo(earlier);
    }

    /** TAGMSG: a reaction, or someone typing (our own, echoed, are not news). */
    void onTagmsg(Message m) {
        String from = m.sourceNick();
        String target = m.param(0);
        if (from == null || target == null) return;
        boolean room = target.startsWith("#");
        String reaction = m.tags().get("+draft/react");
        if (reaction != null && !reaction.isEmpty()) {
            String to = m.tags().get("+draft/reply");
            listener.accept(new ClientEvent.Reacted(
                    IncomingMessages.timeOf(m),
                    from,
                    room ? target : null,
                    reaction,
                    to == null ? null : seen.seen(to)));
        }
        String typing = m.tags().get("+typing");
        if (typing != null && !client.isMe(from))
            listener.accept(new ClientEvent.Typing(from, room ? target : from, typing));
    }

    /** /react or /reply alone: the last messages of the room on screen and of private conversations, numbered. */
    void list(String command, String room) {
        listener.accept(new ClientEvent.Recent(
                command,
                seen.newestFirst(c -> onScreen(c, room), LISTED).stream()
                        .map(Map.Entry::getValue)
                        .toList()));
    }

    /** /react [n] reaction: TAGMSG with the reaction and the msgid it reacts to. */
    void react(String room, int nth, String reaction) {
        Map.Entry<String, ClientEvent.Chat> m = pick(room, nth, "react to");
        if (m != null)
            client.sendLine("@+draft/react=" + Message.escapeTagValue(reaction) + ";+draft/reply="
                    + Message.escapeTagValue(m.getKey()) + " TAGMSG " + conversation(m.getValue()));
    }

    /** /reply [n] text: a message tagged with the msgid it answers, split as any message is. */
    void reply(String room, int nth, String text, OutgoingMessages out) {
        Map.Entry<String, ClientEvent.Chat> m = pick(room, nth, "reply to");
        if (m != null)
            out.send(
                    conversation(m.getValue()),
                    text,
                    false,
                    "@+draft/reply=" + Message.escapeTagValue(m.getKey()) + " ");
    }

    /** +typing=active|done to a room or a nick; nothing where the server would not pass it on. */
    void typing(String target, String state) {
        if (caps.test(CAP)) client.sendLine("@+typing=" + state + " TAGMSG " + target);
    }

    private Map.Entry<String, ClientEvent.Chat> pick(String room, int nth, String what) {
        if (!caps.test(CAP)) {
            listener.accept(new ClientEvent.Problem("This server does not pass on reactions and replies."));
            return null;
        }
        List<Map.Entry<String, ClientEvent.Chat>> last = seen.newestFirst(c -> onScreen(c, room), nth);
        if (last.size() >= nth) return last.get(nth - 1);
        listener.accept(new ClientEvent.Problem(
                last.isEmpty()
                        ? "No message to " + what + " here yet."
                        : "Only " + last.size() + " message" + (last.size() == 1 ? "" : "s") + " to " + what
                                + " here: /" + what.split(" ")[0] + " alone lists them."));
        return null;
    }

    /** Messages of the room on screen, and private ones (shown whatever the room). */
    private static boolean onScreen(ClientEvent.Chat c, String room) {
        return c.room() == null || room != null && Casemapping.equals(c.room(), room);
    }

    private String conversation(ClientEvent.Chat c) {
        return c.room() != null ? c.room() : client.isMe(c.from()) ? c.to() : c.from();
    }

    /** {@code "the deploy..."}: a message's first words, quoted, made safe by clean; cut at a space when one is near. */
    static String quote(String text, int max, UnaryOperator<String> clean) {
        return "\"" + cut(clean.apply(text), max) + "\"";
    }

    private static String cut(String words, int max) {
        if (words.codePointCount(0, words.length()) <= max) return words;
        String cut = words.substring(0, words.offsetByCodePoints(0, max));
        int space = cut.lastIndexOf(' ');
        return (space > max / 2 ? cut.substring(0, space) : cut) + "...";
    }

    /** {@code * alice reacted 👍 to bob: "the deploy failed"}, remote text made safe by clean; a long reaction cut. */
    static String describe(ClientEvent.Reacted r, UnaryOperator<String> clean) {
        return "* " + clean.apply(r.from()) + " reacted " + cut(clean.apply(r.reaction()), 20)
                + (r.to() == null ? "" : " to " + clean.apply(r.to().from()) + ": " + quote(r.to().text(), 30, clean));
    }

    /** /react or /reply alone: the numbered list. */
    static String list(ClientEvent.Recent r, UnaryOperator<String> clean) {
        if (r.newestFirst().isEmpty()) return "No messages here yet to " + r.command() + " to.";
        StringBuilder sb = new StringBuilder("/" + r.command() + " <n> ... (1 is the last):");
        for (int i = 0; i < r.newestFirst().size(); i++) {
            ClientEvent.Chat c = r.newestFirst().get(i);
            sb.append("\n  ")
                    .append(i + 1)
                    .append(' ')
                    .append(clean.apply(c.from()))
                    .append(c.room() == null ? " (private)" : "")
                    .append(": ")
                    .append(quote(c.text(), 50, clean));
        }
        return sb.toString();
    }
}

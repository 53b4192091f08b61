package dev.chatroom.client;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Our PRIVMSGs as they are sent: split into as many lines as the text needs, an action wrapped in
 * CTCP, and shown at once as a chat event unless the server echoes them back (echo-message). Text of
 * several lines is one multiline message where the server takes them (draft/multiline), else a
 * PRIVMSG per line.
 */
final class OutgoingMessages {
    private static final String CTCP = "\u0001";

    private final ChatClient client;
    private final Consumer<ClientEvent> listener;
    /** The server sends our messages back to us (echo-message): they are shown when they return. */
    private volatile boolean echo;
    /** What one multiline message may hold; null: the server takes none. */
    private volatile MultilineLimits multiline;

    private final MultilineMessages batches = new MultilineMessages();

    OutgoingMessages(ChatClient client, Consumer<ClientEvent> listener) {
        this.client = client;
        this.listener = listener;
    }

    /** What the server granted (echo-message, draft/multiline), as negotiation goes. */
    void granted(CapNegotiation caps) {
        echo = caps.has("echo-message");
        multiline = MultilineLimits.of(caps);
    }

    /** Whether a message of several lines goes as one. */
    boolean multiline() {
        return multiline != null;
    }

    /** Sends a message to a room or a nick, split into several if it would not fit one line. */
    void send(String target, String body, boolean action) {
        send(target, body, action, "");
    }

    /** The same, each line starting with these tags ("@+draft/reply=id ", or ""). */
    void send(String target, String body, boolean action, String tags) {
        if (target == null) {
            listener.accept(new ClientEvent.Problem("You are not in a room."));
            return;
        }
        MultilineLimits limits = multiline;
        if (body.indexOf('\n') >= 0) {
            if (limits != null && !action) sendLines(target, body, tags, limits);
            else for (String line : body.split("\n")) if (!line.isBlank()) send(target, line, action, tags);
            return;
        }
        boolean toRoom = target.startsWith("#");
        for (String part : Splitter.split(body, Splitter.roomForText(client.nick(), target, action))) {
            String text = action ? CTCP + "ACTION " + part + CTCP : part;
            client.sendLine(tags + "PRIVMSG " + target + " :" + text);
            if (!echo)
                listener.accept(new ClientEvent.Chat(
                        Instant.now(),
                        client.nick(),
                        toRoom ? target : null,
                        toRoom ? null : target,
                        part,
                        action,
                        false));
        }
    }

    /** One message of several lines; its batches go out whole, on the connection's thread, nothing between their lines. */
    private void sendLines(String target, String body, String tags, MultilineLimits limits) {
        int room = Splitter.roomForText(client.nick(), target, false);
        List<String> lines = batches.lines(target, body, tags, limits, room);
        if (lines.isEmpty()) return;
        client.withMessages((in, out) -> lines.forEach(client::sendLine));
        if (echo) return;
        boolean toRoom = target.startsWith("#");
        for (List<MultilineMessages.Piece> batch : MultilineMessages.batches(body, limits, room))
            listener.accept(new ClientEvent.Chat(
                    Instant.now(),
                    client.nick(),
                    toRoom ? target : null,
                    toRoom ? null : target,
                    MultilineMessages.text(batch),
                    false,
                    false));
    }
}

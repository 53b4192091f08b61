package dev.chatroom.server.output;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.LineError;
import dev.chatroom.irc.Message;
import dev.chatroom.irc.Numeric;
import dev.chatroom.server.Connection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one connection is told, gathered and then written at once (ergo's response buffer):
 * a command's handler adds its replies here and the dispatcher flushes them when it returns,
 * so every reply of a command goes out together and in order.
 */
public final class Replies {
    private final String serverName;
    private final Connection to;
    private final ByteBufAllocator alloc;
    private final StringBuilder lines = new StringBuilder(128);
    private static final AtomicLong BATCHES = new AtomicLong();
    /** The client's label (labeled-response) for what this command caused; null when none was asked for. */
    private String label;

    Replies(String serverName, Connection to, ByteBufAllocator alloc) {
        this.serverName = serverName;
        this.to = to;
        this.alloc = alloc;
    }

    public Connection to() {
        return to;
    }

    public String serverName() {
        return serverName;
    }

    /** {@code :server <numeric> <nick> params...}, the last parameter as trailing text. */
    public Replies numeric(String numeric, String... params) {
        return add(Message.trailing(serverName, numeric, withNick(params, true)));
    }

    /** A numeric whose last parameter is a plain word, not text (324, 329, 333, 004...). */
    public Replies numericWords(String numeric, String... params) {
        return add(Message.of(serverName, numeric, withNick(params, false)));
    }

    /** The recipient's nick first, then the parameters, every word made safe to echo. */
    private String[] withNick(String[] params, boolean lastIsText) {
        String[] all = new String[params.length + 1];
        all[0] = to.nickOrStar();
        for (int i = 0; i < params.length; i++) {
            boolean text = lastIsText && i == params.length - 1;
            all[i + 1] = text ? (params[i] == null ? "" : params[i]) : Wire.word(params[i]);
        }
        return all;
    }

    public Replies notice(String text) {
        return add(Message.trailing(serverName, "NOTICE", to.nickOrStar(), text));
    }

    /**
     * Information about the session: {@code NOTE * <code> :text} for clients that negotiated
     * standard-replies (our client learns the server's state from the code), a NOTICE for others.
     */
    public Replies note(String code, String text) {
        if (to.has(Capability.STANDARD_REPLIES)) return add(Message.trailing(serverName, "NOTE", "*", code, text));
        return notice(text);
    }

    /** {@code FAIL <command> <code> :text}, only for clients that negotiated standard-replies. */
    public Replies fail(String command, String code, String text) {
        if (to.has(Capability.STANDARD_REPLIES)) add(Message.trailing(serverName, "FAIL", command, code, text));
        return this;
    }

    /**
     * A standard reply every client gets, negotiated or not, for commands whose only answers are
     * standard replies (REGISTER): {@code FAIL REGISTER ACCOUNT_EXISTS alice :text}.
     */
    public Replies standard(String type, String command, String code, String context, String text) {
        return add(Message.trailing(serverName, type, command, code, Wire.word(context), text));
    }

    /** The same with any number of context words: {@code FAIL CHATHISTORY INVALID_TARGET LATEST #room :text}. */
    public Replies standardWords(String type, String command, String code, String text, String... context) {
        String[] all = new String[context.length + 3];
        all[0] = command;
        all[1] = code;
        for (int i = 0; i < context.length; i++) all[i + 2] = Wire.word(context[i]);
        all[all.length - 1] = text;
        return add(Message.trailing(serverName, type, all));
    }

    /**
     * Why a line was dropped unread. Invalid UTF-8 gets {@code FAIL * INVALID_UTF8} (the server
     * says UTF8ONLY) whatever was negotiated, and a NOTICE too for clients that may not show a FAIL.
     */
    public Replies dropped(LineError e) {
        return switch (e) {
            case TOO_LONG -> numeric(Numeric.ERR_INPUTTOOLONG, "Input line was too long");
            case INVALID_UTF8 -> {
                String text = "Your line was dropped: it is not valid UTF-8.";
                standardWords("FAIL", "*", "INVALID_UTF8", text);
                yield to.has(Capability.STANDARD_REPLIES) ? this : notice(text);
            }
            case FORBIDDEN_CHARACTER -> notice("Your line was dropped: it contains a NUL, CR or LF character.");
        };
    }

    /** {@code ERROR :text}: the last thing a closing connection is told. */
    public Replies error(String text) {
        return add(Message.trailing(null, "ERROR", text));
    }

    public Replies add(Message m) {
        Wire.appendBody(lines, m);
        lines.append("\r\n");
        return this;
    }

    /** This connection's own copy of a broadcast it caused (an echo, its own JOIN), with the same tags. */
    public Replies add(Said b) {
        b.appendFor(to, lines);
        return this;
    }

    /**
     * Opens a batch for this recipient (the caller checked it negotiated batch) and returns its
     * reference, for {@link #addInBatch} and {@link #endBatch}.
     */
    public String startBatch(String type, String... params) {
        String id = "H" + Long.toString(BATCHES.incrementAndGet(), 36);
        String[] all = new String[params.length + 2];
        all[0] = "+" + id;
        all[1] = type;
        for (int i = 0; i < params.length; i++) all[i + 2] = Wire.word(params[i]);
        add(Message.of(serverName, "BATCH", all));
        return id;
    }

    public Replies endBatch(String id) {
        return add(Message.of(serverName, "BATCH", "-" + id));
    }

    /** A line inside an open batch (null: none), with the batch tag in front of its other tags. */
    public Replies addInBatch(Message m, String batch) {
        if (batch == null) return add(m);
        StringBuilder line = new StringBuilder("@batch=").append(batch).append(' ');
        Wire.appendBody(line, m);
        lines.append(line).append("\r\n");
        return this;
    }

    /**
     * A remembered message (history), with the tags it had when it was relayed as this
     * recipient negotiated them; inside a batch (null: none) it always carries its time, which
     * is the point of history. Never the bot tag: the store does not keep whether its sender was a bot.
     */
    public Replies addRemembered(
            Message m, long timeMillis, String msgid, String account, Map<String, String> clientTags, String batch) {
        int variant = Wire.variant(to) | (batch != null ? Wire.SERVER_TIME : 0);
        if (batch == null) {
            Wire.append(lines, m, timeMillis, msgid, account, false, clientTags, variant);
            return this;
        }
        StringBuilder line = new StringBuilder();
        Wire.append(line, m, timeMillis, msgid, account, false, clientTags, variant);
        line.setLength(line.length() - 2);
        appendTagged(line.toString(), "batch=" + batch);
        return this;
    }

    /** Lines written elsewhere in this package (each ending in CRLF), added as they are. */
    void addLines(CharSequence written) {
        lines.append(written);
    }

    /** The label of the command being answered, taken away: its answer will come later, labeled then (null when none was asked for). */
    public String takeLabel() {
        String l = label;
        label = null;
        return l;
    }

    public boolean isEmpty() {
        return lines.length() == 0;
    }

    /**
     * Marks everything gathered until {@link #finish()} as the answer to a labeled command: it
     * goes out at once at the end, as one labeled line, an ACK, or a labeled-response batch.
     */
    public void label(String l) {
        label = l;
    }

    /** The command is done: the labeled answer (if any) and everything else goes out. */
    public void finish() {
        if (label != null) {
            applyLabel();
            label = null;
        }
        flush();
    }

    private void applyLabel() {
        String[] all = lines.length() == 0 ? new String[0] : lines.toString().split("\r\n");
        StringBuilder tag = new StringBuilder();
        Message.appendTags(tag, Map.of("label", label));
        lines.setLength(0);
        if (all.length == 0) {
            lines.append('@').append(tag).append(" :").append(serverName).append(" ACK\r\n");
        } else if (all.length == 1 || !to.has(Capability.BATCH) || isOneBatch(all)) {
            appendTagged(all[0], tag);
            for (int i = 1; i < all.length; i++) lines.append(all[i]).append("\r\n");
        } else {
            String id = "L" + Long.toString(BATCHES.incrementAndGet(), 36);
            lines.append('@')
                    .append(tag)
                    .append(" :")
                    .append(serverName)
                    .append(" BATCH +")
                    .append(id)
                    .append(" labeled-response\r\n");
            // a line inside a batch of its own (history) belongs to that one, which belongs to this
            for (String l : all) {
                if (l.startsWith("@batch=")) lines.append(l).append("\r\n");
                else appendTagged(l, "batch=" + id);
            }
            lines.append(':').append(serverName).append(" BATCH -").append(id).append("\r\n");
        }
    }

    /**
     * The whole answer is one batch already (CHATHISTORY, a multiline echo): its opening line takes
     * the label, with no batch around it.
     */
    private static boolean isOneBatch(String[] all) {
        String first = all[0].startsWith("@") ? all[0].substring(all[0].indexOf(' ') + 1) : all[0];
        if (!first.startsWith(":") || !first.contains(" BATCH +")) return false;
        String id = first.substring(first.indexOf(" BATCH +") + 8).split(" ", 2)[0];
        if (!all[all.length - 1].endsWith(" BATCH -" + id)) return false;
        for (int i = 1; i < all.length - 1; i++)
            if (!all[i].startsWith("@batch=" + id + ";") && !all[i].startsWith("@batch=" + id + " ")) return false;
        return true;
    }

    /** One line with a tag added in front of any it has. */
    private void appendTagged(String line, CharSequence tag) {
        if (line.startsWith("@")) lines.append('@').append(tag).append(';').append(line, 1, line.length());
        else lines.append('@').append(tag).append(' ').append(line);
        lines.append("\r\n");
    }

    /** Writes everything gathered to the connection, and starts over (a labeled answer waits for {@link #finish()}). */
    public void flush() {
        if (lines.length() == 0 || label != null) return;
        if (to.link().isOpen()) {
            ByteBuf buf = alloc.buffer(lines.length() + 16);
            try {
                buf.writeCharSequence(lines, StandardCharsets.UTF_8);
                to.link().write(buf);
            } finally {
                buf.release();
            }
        }
        lines.setLength(0);
    }
}

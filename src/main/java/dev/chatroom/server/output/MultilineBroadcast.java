package dev.chatroom.server.output;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Message;
import dev.chatroom.server.Connection;
import dev.chatroom.store.MultilineText;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A multiline message (draft/multiline) on its way to many recipients, encoded once per form:
 * for those that negotiated draft/multiline and batch, a batch whose opening line carries the
 * msgid, time, account and client tags, and whose lines carry only the batch and concat tags; for
 * the others its non-blank lines as plain PRIVMSGs, the msgid on the first, the other tags on each.
 */
public final class MultilineBroadcast implements Said {
    private static final AtomicLong REFS = new AtomicLong();
    /** Above {@link Wire}'s variants: the recipient gets the batch form. */
    private static final int BATCHED = Wire.VARIANTS;

    private final String source;
    private final String target;
    private final List<MultilineText.Line> lines;
    private final long timeMillis;
    private final String msgid;
    private final String account;
    private final boolean bot;
    private final Map<String, String> clientTags;
    private final ByteBufAllocator alloc;
    private final ByteBuf[] encoded = new ByteBuf[2 * Wire.VARIANTS];
    private final String ref = newRef();
    private int deliveries;

    MultilineBroadcast(
            String source,
            String target,
            List<MultilineText.Line> lines,
            long timeMillis,
            String msgid,
            String account,
            boolean bot,
            Map<String, String> clientTags,
            ByteBufAllocator alloc) {
        this.source = source;
        this.target = target;
        this.lines = lines;
        this.timeMillis = timeMillis;
        this.msgid = msgid;
        this.account = account;
        this.bot = bot;
        this.clientTags = clientTags;
        this.alloc = alloc;
    }

    @Override
    public String msgid() {
        return msgid;
    }

    @Override
    public long timeMillis() {
        return timeMillis;
    }

    @Override
    public void sendToConnection(Connection c) {
        write(c);
    }

    @Override
    public int deliveries() {
        return deliveries;
    }

    private void write(Connection c) {
        if (!c.link().isOpen()) return;
        int variant = variant(c);
        ByteBuf buf = encoded[variant];
        if (buf == null) {
            StringBuilder sb = new StringBuilder(256);
            append(sb, variant);
            buf = encoded[variant] = alloc.buffer(sb.length() + 16);
            buf.writeCharSequence(sb, StandardCharsets.UTF_8);
        }
        c.link().write(buf);
        deliveries++;
    }

    @Override
    public void appendFor(Connection c, StringBuilder sb) {
        append(sb, variant(c));
    }

    private int variant(Connection c) {
        int v = Wire.variant(c);
        if (account == null) v &= ~Wire.ACCOUNT_TAG;
        return batched(c) ? v | BATCHED : v;
    }

    /** Whether c is sent the batch form. */
    public static boolean batched(Connection c) {
        return c.has(Capability.MULTILINE) && c.has(Capability.BATCH);
    }

    private void append(StringBuilder sb, int variant) {
        int tags = variant & ~BATCHED;
        if ((variant & BATCHED) == 0) {
            fallback(sb, source, target, lines, timeMillis, msgid, account, bot, clientTags, tags);
            return;
        }
        batch(sb, ref, source, target, lines, timeMillis, msgid, account, bot, clientTags, tags);
    }

    /** The batch form, its reference ref. */
    static void batch(
            StringBuilder sb,
            String ref,
            String source,
            String target,
            List<MultilineText.Line> lines,
            long timeMillis,
            String msgid,
            String account,
            boolean bot,
            Map<String, String> clientTags,
            int variant) {
        Message open = Message.of(source, "BATCH", "+" + ref, "draft/multiline", target);
        Wire.append(sb, open, timeMillis, msgid, account, bot, clientTags, variant);
        for (MultilineText.Line l : lines) {
            sb.append("@batch=").append(ref);
            if (l.concat()) sb.append(';').append(MultilineText.CONCAT);
            sb.append(' ');
            Wire.appendBody(sb, Message.trailing(source, "PRIVMSG", target, l.text()));
            sb.append("\r\n");
        }
        Wire.appendBody(sb, Message.of(source, "BATCH", "-" + ref));
        sb.append("\r\n");
    }

    /** The plain form: the non-blank lines, the msgid on the first only. */
    static void fallback(
            StringBuilder sb,
            String source,
            String target,
            List<MultilineText.Line> lines,
            long timeMillis,
            String msgid,
            String account,
            boolean bot,
            Map<String, String> clientTags,
            int variant) {
        boolean first = true;
        for (MultilineText.Line l : lines) {
            if (l.text().isEmpty()) continue;
            Message m = Message.trailing(source, "PRIVMSG", target, l.text());
            Wire.append(sb, m, timeMillis, first ? msgid : null, account, bot, clientTags, variant);
            first = false;
        }
    }

    /** A reference for one more batch of this form (history's). */
    static String newRef() {
        return "M" + Long.toString(REFS.incrementAndGet(), 36);
    }

    @Override
    public void close() {
        for (int i = 0; i < encoded.length; i++) {
            if (encoded[i] != null) {
                encoded[i].release();
                encoded[i] = null;
            }
        }
    }
}

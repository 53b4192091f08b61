package dev.chatroom.server.output;

import dev.chatroom.irc.Capability;
import dev.chatroom.server.Connection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
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

    private final MultilineLines said;
    private final ByteBufAllocator alloc;
    private final ByteBuf[] encoded = new ByteBuf[2 * Wire.VARIANTS];
    private final String ref = newRef();
    private int deliveries;

    MultilineBroadcast(MultilineLines said, ByteBufAllocator alloc) {
        this.said = said;
        this.alloc = alloc;
    }

    @Override
    public String msgid() {
        return said.msgid();
    }

    @Override
    public long timeMillis() {
        return said.timeMillis();
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
        if (said.account() == null) v &= ~Wire.ACCOUNT_TAG;
        return batched(c) ? v | BATCHED : v;
    }

    /** Whether c is sent the batch form. */
    public static boolean batched(Connection c) {
        return c.has(Capability.MULTILINE) && c.has(Capability.BATCH);
    }

    private void append(StringBuilder sb, int variant) {
        if ((variant & BATCHED) == 0) said.appendPlain(sb, variant);
        else said.appendBatch(sb, ref, variant & ~BATCHED);
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

package dev.chatroom.server.output;

import dev.chatroom.irc.Message;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Room;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One message on its way to many recipients. It is encoded at most once per tag variant into a
 * reference-counted buffer that every recipient's link copies from, so fan-out costs no
 * re-encoding and no allocation per recipient. The one who caused it gets its copy through
 * its {@link Replies} instead ({@link Replies#add(Broadcast)}), in order with the rest of its replies.
 */
public final class Broadcast implements AutoCloseable {
    private final Message message;
    private final long timeMillis;
    private final Map<String, String> clientTags;
    private final String msgid;
    /** The sender's account, for recipients with account-tag; null when not logged in (or not a user's message). */
    private final String account;

    private final ByteBufAllocator alloc;
    private final ByteBuf[] encoded = new ByteBuf[Wire.VARIANTS];
    private int deliveries;

    /**
     * @param message the message without tags
     * @param timeMillis when the server handled it, sent as a server-time tag to those who asked
     * @param msgid the message's id (IRCv3 msgid) for recipients that negotiated message-tags; null for none
     * @param clientTags client-only tags (+name), for recipients that negotiated message-tags
     */
    Broadcast(
            Message message,
            long timeMillis,
            String msgid,
            String account,
            Map<String, String> clientTags,
            ByteBufAllocator alloc) {
        this.account = account;
        this.message = message;
        this.timeMillis = timeMillis;
        this.msgid = msgid;
        this.clientTags = clientTags;
        this.alloc = alloc;
    }

    public Message message() {
        return message;
    }

    /** Its msgid, or null when it has none (server notices, joins, parts). */
    public String msgid() {
        return msgid;
    }

    public long timeMillis() {
        return timeMillis;
    }

    /** Queues the message for c, in the form c negotiated. */
    public void sendTo(Connection c) {
        if (!c.link().isOpen()) return;
        int variant = variant(c);
        ByteBuf buf = encoded[variant];
        if (buf == null) buf = encoded[variant] = encode(variant);
        c.link().write(buf);
        deliveries++;
    }

    /** How many recipients it was queued for by {@link #sendTo}. */
    public int deliveries() {
        return deliveries;
    }

    /** Queues the message for every member of the room except one (the one who caused it; may be null). */
    public void sendToMembersExcept(Room r, Connection except) {
        for (Connection m : r.members()) if (m != except) sendTo(m);
    }

    void appendFor(Connection c, StringBuilder sb) {
        Wire.append(sb, message, timeMillis, msgid, account, clientTags, variant(c));
    }

    /** Without an account to tag, account-tag recipients share the encoding of the others. */
    private int variant(Connection c) {
        int v = Wire.variant(c);
        return account == null ? v & ~Wire.ACCOUNT_TAG : v;
    }

    private ByteBuf encode(int variant) {
        StringBuilder sb = new StringBuilder(128);
        Wire.append(sb, message, timeMillis, msgid, account, clientTags, variant);
        ByteBuf buf = alloc.buffer(sb.length() + 16);
        buf.writeCharSequence(sb, StandardCharsets.UTF_8);
        return buf;
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

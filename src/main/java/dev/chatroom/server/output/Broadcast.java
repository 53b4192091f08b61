package dev.chatroom.server.output;

import dev.chatroom.irc.Capability;
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
public final class Broadcast implements Said {
    private final Message message;
    private final long timeMillis;
    private final Map<String, String> clientTags;
    private final String msgid;
    /** The sender's account, for recipients with account-tag; null when not logged in (or not a user's message). */
    private final String account;
    /** The sender is a bot (+B): message-tags recipients get the bot tag. */
    private final boolean bot;

    private final ByteBufAllocator alloc;
    private final ByteBuf[] encoded = new ByteBuf[Wire.VARIANTS];
    private int deliveries;

    /**
     * @param message the message without tags
     * @param timeMillis when the server handled it, sent as a server-time tag to those who asked
     * @param msgid the message's id (IRCv3 msgid) for recipients that negotiated message-tags; null for none
     * @param account the sender's account, for recipients that negotiated account-tag; null for none
     * @param bot the sender is a bot, told to recipients that negotiated message-tags
     * @param clientTags client-only tags (+name), for recipients that negotiated message-tags
     */
    Broadcast(
            Message message,
            long timeMillis,
            String msgid,
            String account,
            boolean bot,
            Map<String, String> clientTags,
            ByteBufAllocator alloc) {
        this.account = account;
        this.bot = bot;
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
    @Override
    public String msgid() {
        return msgid;
    }

    @Override
    public long timeMillis() {
        return timeMillis;
    }

    /** The same, for those of c's connections that negotiated cap. */
    public void sendTo(Connection c, Capability cap) {
        if (c.has(cap)) write(c);
        for (Connection d : c.devices()) if (d.has(cap)) write(d);
    }

    /** To each of c's connections, this or other, as it negotiated cap or not (extended-join). */
    public static void sendEither(Connection c, Capability cap, Broadcast with, Broadcast without) {
        (c.has(cap) ? with : without).write(c);
        for (Connection d : c.devices()) (d.has(cap) ? with : without).write(d);
    }

    /** The same, for those of them that negotiated cap. */
    public void sendToOtherDevices(Connection person, Connection device, Capability cap) {
        if (person != device && person.has(cap)) write(person);
        for (Connection d : person.devices()) if (d != device && d.has(cap)) write(d);
    }

    /** To this one connection only, not its other devices. */
    @Override
    public void sendToConnection(Connection c) {
        write(c);
    }

    private void write(Connection c) {
        if (!c.link().isOpen()) return;
        int variant = variant(c);
        ByteBuf buf = encoded[variant];
        if (buf == null) buf = encoded[variant] = encode(variant);
        c.link().write(buf);
        deliveries++;
    }

    /** How many recipients it was queued for by {@link #sendTo}. */
    @Override
    public int deliveries() {
        return deliveries;
    }

    /**
     * Queues the message for every member of the room except one connection (the one who caused it, which
     * gets its copy with its replies; may be null): the rest of that person's devices get theirs.
     */
    public void sendToMembersExcept(Room r, Connection except) {
        Connection person = except == null ? null : except.person();
        for (Connection m : r.members()) {
            if (m != person) sendTo(m);
            else sendToOtherDevices(m, except);
        }
    }

    @Override
    public void appendFor(Connection c, StringBuilder sb) {
        Wire.append(sb, message, timeMillis, msgid, account, bot, clientTags, variant(c));
    }

    /** Without an account to tag, account-tag recipients share the encoding of the others. */
    private int variant(Connection c) {
        int v = Wire.variant(c);
        return account == null ? v & ~Wire.ACCOUNT_TAG : v;
    }

    private ByteBuf encode(int variant) {
        StringBuilder sb = new StringBuilder(128);
        Wire.append(sb, message, timeMillis, msgid, account, bot, clientTags, variant);
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

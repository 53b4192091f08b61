package dev.chatroom.server;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Message;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message on its way to many recipients. It is encoded at most once per tag variant (no
 * tags; server-time; message-tags; both) into a reference-counted buffer that every recipient's
 * outbox copies from, so fan-out costs no re-encoding and no allocation per recipient.
 */
public final class Broadcast implements AutoCloseable {
    private final Message message;
    private static final DateTimeFormatter SERVER_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final long timeMillis;
    private final Map<String, String> clientTags;
    private final ByteBufAllocator alloc;
    private final ByteBuf[] encoded = new ByteBuf[4];

    /**
     * @param message the message without tags
     * @param timeMillis when the server handled it, sent as a server-time tag to those who asked
     * @param clientTags client-only tags (+name), for recipients that negotiated message-tags
     */
    public Broadcast(Message message, long timeMillis, Map<String, String> clientTags, ByteBufAllocator alloc) {
        this.message = message;
        this.timeMillis = timeMillis;
        this.clientTags = clientTags;
        this.alloc = alloc;
    }

    /** Queues the message on c's outbox, in the form c negotiated. */
    public void sendTo(Connection c) {
        if (!c.outbox().isOpen()) return;
        int variant = (c.has(Capability.SERVER_TIME) ? 1 : 0) | (c.has(Capability.MESSAGE_TAGS) ? 2 : 0);
        ByteBuf buf = encoded[variant];
        if (buf == null) buf = encoded[variant] = encode(variant);
        c.outbox().sendShared(buf);
    }

    private ByteBuf encode(int variant) {
        Map<String, String> tags = new LinkedHashMap<>();
        if ((variant & 1) != 0) tags.put("time", SERVER_TIME.format(Instant.ofEpochMilli(timeMillis)));
        if ((variant & 2) != 0) tags.putAll(clientTags);
        StringBuilder sb = new StringBuilder(128);
        if (!tags.isEmpty()) {
            sb.append('@');
            Message.appendTags(sb, tags);
            sb.append(' ');
        }
        message.appendWithoutTags(sb);
        sb.append("\r\n");
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

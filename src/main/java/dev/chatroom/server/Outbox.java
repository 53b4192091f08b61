package dev.chatroom.server;

import io.netty.buffer.ByteBuf;

/**
 * Where a connection's outgoing lines go. The room logic writes here and never sees a socket;
 * the Netty implementation queues bytes on the channel, tests record lines.
 * Called only on the server's event loop.
 */
public interface Outbox {
    /** Queues one line (without CRLF). Flushing happens once the current work is done. */
    void send(String line);

    /**
     * Queues an encoded line (with CRLF) that is shared by many recipients. The outbox copies the
     * bytes; the caller keeps the buffer (and releases it once everyone has it).
     */
    void sendShared(ByteBuf line);

    /** Flushes what was queued and then closes the connection. */
    void close();

    /** False once the connection is closed or is being closed. */
    boolean isOpen();
}

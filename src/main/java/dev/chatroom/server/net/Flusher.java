package dev.chatroom.server.net;

import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;

/**
 * Coalesces flushes: outboxes written during one turn of the event loop are flushed once, after
 * every ready connection has been read, so a busy client gets many lines per syscall.
 */
final class Flusher implements Runnable {
    private final EventLoop loop;
    private List<NettyOutbox> dirty = new ArrayList<>();
    private List<NettyOutbox> spare = new ArrayList<>();
    private boolean scheduled;

    Flusher(EventLoop loop) {
        this.loop = loop;
    }

    void markDirty(NettyOutbox outbox) {
        dirty.add(outbox);
        if (!scheduled) {
            scheduled = true;
            loop.execute(this);
        }
    }

    @Override
    public void run() {
        scheduled = false;
        List<NettyOutbox> batch = dirty;
        dirty = spare;
        for (int i = 0; i < batch.size(); i++) batch.get(i).flushNow();
        batch.clear();
        spare = batch;
    }
}

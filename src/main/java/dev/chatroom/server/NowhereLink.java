package dev.chatroom.server;

import io.netty.buffer.ByteBuf;

/**
 * A link whose writes go nowhere: a person present without a connection of its own ({@link Link#GONE},
 * not open), or a user of another node, whose own node sends it everything ({@link #REMOTE}, open: it
 * is someone to send to, only not from here).
 */
public final class NowhereLink implements Link {
    public static final NowhereLink REMOTE = new NowhereLink(true);

    private final boolean open;

    NowhereLink(boolean open) {
        this.open = open;
    }

    @Override
    public void write(ByteBuf lines) {}

    @Override
    public void close() {}

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void pauseReading(boolean paused) {}

    @Override
    public long mark() {
        return 0;
    }

    @Override
    public void holdFrom(long mark) {}
}

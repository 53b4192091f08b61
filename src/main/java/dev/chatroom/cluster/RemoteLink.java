package dev.chatroom.cluster;

import dev.chatroom.server.Link;
import io.netty.buffer.ByteBuf;

/** The link of a user on another node: what this node would send them goes nowhere, their own node sends it. */
final class RemoteLink implements Link {
    static final RemoteLink INSTANCE = new RemoteLink();

    private RemoteLink() {}

    @Override
    public void write(ByteBuf lines) {}

    @Override
    public void close() {}

    @Override
    public boolean isOpen() {
        return true;
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

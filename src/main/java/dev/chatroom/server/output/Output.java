package dev.chatroom.server.output;

import dev.chatroom.irc.Message;
import dev.chatroom.server.Clock;
import dev.chatroom.server.Connection;
import io.netty.buffer.ByteBufAllocator;
import java.util.Map;

/** Makes the two kinds of output: replies to one connection, broadcasts to many. */
public final class Output {
    private final String serverName;
    private final Clock clock;
    private final ByteBufAllocator alloc;

    public Output(String serverName, Clock clock, ByteBufAllocator alloc) {
        this.serverName = serverName;
        this.clock = clock;
        this.alloc = alloc;
    }

    public Replies replies(Connection c) {
        return new Replies(serverName, c, alloc);
    }

    /** A message many will receive, stamped now; close it once sent. */
    public Broadcast broadcast(Message m) {
        return broadcast(m, Map.of());
    }

    public Broadcast broadcast(Message m, Map<String, String> clientTags) {
        return new Broadcast(m, clock.millis(), clientTags, alloc);
    }

    public String serverName() {
        return serverName;
    }
}

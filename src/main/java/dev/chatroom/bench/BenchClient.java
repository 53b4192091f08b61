package dev.chatroom.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One simulated user: registers, joins the channel, and counts the benchmark messages it receives,
 * parsed where they lie in the buffer (see {@link LineClient}). A sender asks for echo-message and
 * times its own messages' echoes apart: the echo is the server's answer to the sender, not a
 * delivery. All methods run on the client's event loop.
 */
final class BenchClient extends LineClient {
    final int index;
    final String nick;
    private final ClientEvents events;
    private final Payload payload = new Payload();
    boolean registered;
    boolean joined;
    long received;
    long duplicates;
    /** Of the duplicates, those from a sender on another node. */
    long crossDuplicates;
    /** This client's host entry, and how many there are: sender j is on node j mod nodes. */
    private final int node;

    private final int nodes;
    /** One of the senders (client i is sender i). */
    private final boolean sender;
    /** Last sequence number seen from each sender (its own: the last echo); a sender's messages arrive in order. */
    private final long[] lastSeq;

    BenchClient(int index, String nickPrefix, ClientEvents events, int senders) {
        this(index, nickPrefix, events, senders, 1);
    }

    BenchClient(int index, String nickPrefix, ClientEvents events, int senders, int nodes) {
        this.index = index;
        this.nodes = nodes;
        this.node = index % nodes;
        this.nick = nickPrefix + index;
        this.events = events;
        this.lastSeq = new long[senders];
        this.sender = index < senders;
        Arrays.fill(lastSeq, -1);
    }

    @Override
    void opened() {
        if (sender) send("CAP REQ :echo-message"); // a server without it says NAK, and there is simply no echo
        register(events.password(), nick, "chatroom bench");
        if (sender) send("CAP END");
    }

    @Override
    void line(ByteBuf b, int start, int end) {
        int space = b.indexOf(start, end, (byte) ' ');
        if (space < 0 || end - space < 5) return;
        if (joined && privmsg(b, space, end)) {
            int colon = b.indexOf(space + 9, end, (byte) ':');
            if (colon >= 0 && payload.parse(b, colon + 1, end)) onBenchMessage();
            return;
        }
        int code = numeric(b, space, end);
        switch (code) {
            case 1 -> {
                registered = true;
                send("JOIN " + events.channelName());
            }
            case 366 -> {
                if (!joined) {
                    joined = true;
                    events.joined(this);
                }
            }
            case 433, 432, 465, 464 -> events.failed(this, b.toString(start, end - start, StandardCharsets.UTF_8));
            default -> {}
        }
    }

    private void onBenchMessage() {
        int sender = payload.sender();
        if (sender < 0 || sender >= lastSeq.length) return;
        long seq = payload.seq();
        if (sender == index) {
            if (seq > lastSeq[sender]) {
                lastSeq[sender] = seq;
                events.echoed(System.nanoTime() - payload.sendNanos());
            }
            return;
        }
        boolean cross = nodes > 1 && sender % nodes != node;
        if (seq <= lastSeq[sender]) {
            duplicates++;
            if (cross) crossDuplicates++;
            return;
        }
        lastSeq[sender] = seq;
        received++;
        events.delivered(System.nanoTime() - payload.sendNanos(), cross);
    }

    @Override
    void closed() {
        events.closed(this);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!joined) events.failed(this, String.valueOf(cause));
        super.exceptionCaught(ctx, cause);
    }

    static Histogram newHistogram() {
        return new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    }
}

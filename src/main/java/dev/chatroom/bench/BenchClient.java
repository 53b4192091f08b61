package dev.chatroom.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One simulated user, and the only handler in its pipeline. Registers, joins the channel, answers
 * PINGs, and counts the benchmark messages it receives. Lines are found and parsed where they lie
 * in the buffer Netty read (see {@link LineSplitter}): at millions of deliveries a second the
 * generator's one thread must not be the bottleneck. All methods run on the client's event loop.
 */
final class BenchClient extends ChannelInboundHandlerAdapter implements LineSplitter.Sink {
    private static final int PING = ('P' << 24) | ('I' << 16) | ('N' << 8) | 'G';
    /** " PRIVMSG" as one big-endian long, to recognise the command with one read. */
    private static final long SPACE_PRIVMSG = bigEndian(" PRIVMSG");

    final int index;
    final String nick;
    private final ClientEvents events;
    private final LineSplitter lines = new LineSplitter();
    private final Payload payload = new Payload();
    Channel channel;
    boolean registered;
    boolean joined;
    long received;
    long duplicates;
    /** Of the duplicates, those from a sender on another node. */
    long crossDuplicates;
    /** This client's host entry, and how many there are: sender j is on node j mod nodes. */
    private final int node;
    private final int nodes;
    /** Last sequence number seen from each sender; a sender's messages arrive in order. */
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
        Arrays.fill(lastSeq, -1);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        if (events.password() != null) send("PASS " + events.password());
        send("NICK " + nick);
        send("USER " + nick + " 0 * :chatroom bench");
    }

    void send(String line) {
        LineSplitter.send(channel, line);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            lines.split(in, this);
        } finally {
            in.release();
        }
    }

    @Override
    public void onLine(ByteBuf b, int start, int end) {
        if (end - start >= 4 && b.getInt(start) == PING) {
            send("PONG" + b.toString(start + 4, end - start - 4, StandardCharsets.UTF_8));
            return;
        }
        int space = b.indexOf(start, end, (byte) ' ');
        if (space < 0 || end - space < 5) return;
        if (joined && end - space > 9 && b.getLong(space) == SPACE_PRIVMSG && b.getByte(space + 8) == ' ') {
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
            default -> { }
        }
    }

    /** The three-digit numeric in {@code " NNN "} after the prefix (the line ends at {@code end}), or -1. */
    static int numeric(ByteBuf b, int space, int end) {
        if (space + 4 >= end || b.getByte(space + 4) != ' ') return -1;
        int code = 0;
        for (int i = 1; i <= 3; i++) {
            int d = b.getByte(space + i) - '0';
            if (d < 0 || d > 9) return -1;
            code = code * 10 + d;
        }
        return code;
    }

    private void onBenchMessage() {
        int sender = payload.sender();
        if (sender < 0 || sender >= lastSeq.length) return;
        long seq = payload.seq();
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
    public void channelInactive(ChannelHandlerContext ctx) {
        lines.release();
        events.closed(this);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!joined) events.failed(this, String.valueOf(cause));
        ctx.close();
    }

    static Histogram newHistogram() {
        return new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    }

    private static long bigEndian(String eight) {
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (eight.charAt(i) & 0xff);
        return v;
    }
}

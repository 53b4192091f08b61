package dev.chatroom.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import org.HdrHistogram.Histogram;

/**
 * One simulated user. Registers, joins the channel, answers PINGs, and counts the benchmark
 * messages it receives, parsing them at byte level: the generator must not be the bottleneck.
 * All methods run on the client's event loop.
 */
final class BenchClient extends ChannelInboundHandlerAdapter {
    private static final byte[] PRIVMSG = " PRIVMSG ".getBytes(StandardCharsets.US_ASCII);

    final int index;
    final String nick;
    private final LoadGenerator generator;
    Channel channel;
    boolean registered;
    boolean joined;
    long received;
    long duplicates;
    /** Last sequence number seen from each sender; a sender's messages arrive in order. */
    private final long[] lastSeq;
    /** Scratch for the three numbers of a payload: parsing allocates nothing per delivery. */
    private final long[] fields = new long[3];

    BenchClient(int index, String nickPrefix, LoadGenerator generator, int senders) {
        this.index = index;
        this.nick = nickPrefix + index;
        this.generator = generator;
        this.lastSeq = new long[senders];
        java.util.Arrays.fill(lastSeq, -1);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        if (generator.password() != null) send("PASS " + generator.password());
        send("NICK " + nick);
        send("USER " + nick + " 0 * :chatroom bench");
    }

    void send(String line) {
        ByteBuf buf = channel.alloc().buffer(line.length() + 2);
        buf.writeCharSequence(line, StandardCharsets.UTF_8);
        buf.writeByte('\r').writeByte('\n');
        channel.writeAndFlush(buf, channel.voidPromise());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf line)) return;
        try {
            onLine(line);
        } finally {
            line.release();
        }
    }

    private void onLine(ByteBuf line) {
        int start = line.readerIndex();
        int end = line.writerIndex();
        if (end - start >= 4 && line.getByte(start) == 'P' && line.getByte(start + 1) == 'I' && line.getByte(start + 2) == 'N' && line.getByte(start + 3) == 'G') {
            send("PONG" + line.toString(start + 4, end - start - 4, StandardCharsets.UTF_8));
            return;
        }
        int space = line.indexOf(start, end, (byte) ' ');
        if (space < 0) return;
        if (joined && matches(line, space, PRIVMSG)) {
            int colon = line.indexOf(space + PRIVMSG.length, end, (byte) ':');
            if (colon >= 0) onPayload(line, colon + 1, end);
            return;
        }
        if (end - space < 5) return;
        // a numeric: " NNN "
        if (line.getByte(space + 4) != ' ') return;
        int code = (line.getByte(space + 1) - '0') * 100 + (line.getByte(space + 2) - '0') * 10 + (line.getByte(space + 3) - '0');
        switch (code) {
            case 1 -> {
                registered = true;
                send("JOIN " + generator.channelName());
            }
            case 366 -> {
                if (!joined) {
                    joined = true;
                    generator.joined(this);
                }
            }
            case 433, 432, 465, 464 -> generator.failed(this, line.toString(start, end - start, StandardCharsets.UTF_8));
            default -> { }
        }
    }

    private static boolean matches(ByteBuf b, int at, byte[] what) {
        if (b.writerIndex() - at < what.length) return false;
        for (int i = 0; i < what.length; i++) if (b.getByte(at + i) != what[i]) return false;
        return true;
    }

    /** Payload: "<sender> <seq> <sendNanos> padding". */
    private void onPayload(ByteBuf b, int i, int end) {
        long[] out = fields;
        for (int f = 0; f < 3; f++) {
            long v = 0;
            boolean any = false;
            while (i < end) {
                byte c = b.getByte(i++);
                if (c == ' ') break;
                if (c < '0' || c > '9') return; // not a benchmark message
                v = v * 10 + (c - '0');
                any = true;
            }
            if (!any) return;
            out[f] = v;
        }
        int sender = (int) out[0];
        if (sender < 0 || sender >= lastSeq.length) return;
        if (out[1] <= lastSeq[sender]) {
            duplicates++;
            return;
        }
        lastSeq[sender] = out[1];
        received++;
        generator.delivered(System.nanoTime() - out[2]);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        generator.closed(this);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!joined) generator.failed(this, String.valueOf(cause));
        ctx.close();
    }

    static Histogram newHistogram() {
        return new Histogram(java.util.concurrent.TimeUnit.SECONDS.toNanos(60), 3);
    }
}

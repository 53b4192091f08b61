package dev.chatroom.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * One connection of the bench, and the only handler in its pipeline: it registers once connected,
 * answers PINGs and hands every other line from the server to the subclass where it lies in the
 * buffer Netty read (see {@link LineSplitter}), because at millions of deliveries a second the
 * generator's one thread must not be the bottleneck. All methods run on the client's event loop.
 */
abstract class LineClient extends ChannelInboundHandlerAdapter implements LineSplitter.Sink {
    private static final int PING = ('P' << 24) | ('I' << 16) | ('N' << 8) | 'G';
    /** " PRIVMSG" as one big-endian long, to recognise the command with one read. */
    private static final long SPACE_PRIVMSG = bigEndian(" PRIVMSG");

    private final LineSplitter lines = new LineSplitter();
    /** Null until connected. */
    Channel channel;

    /** Connected: sends what starts the session (see {@link #register}). */
    abstract void opened();

    /** A line from the server other than PING: bytes {@code [start, end)} of {@code b}, valid only during the call. */
    abstract void line(ByteBuf b, int start, int end);

    /** The connection is gone. */
    abstract void closed();

    /** Writes one line and CRLF. */
    static void send(Channel ch, String line) {
        ByteBuf buf = ch.alloc().buffer(line.length() + 2);
        buf.writeCharSequence(line, StandardCharsets.UTF_8);
        buf.writeByte('\r').writeByte('\n');
        ch.writeAndFlush(buf, ch.voidPromise());
    }

    void send(String line) {
        send(channel, line);
    }

    /** PASS when there is a password, then NICK and USER. */
    void register(String password, String nick, String realName) {
        if (password != null) send("PASS " + password);
        send("NICK " + nick);
        send("USER " + nick + " 0 * :" + realName);
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

    /** Whether the command after the prefix (which ends at {@code space}) is PRIVMSG with something after it. */
    static boolean privmsg(ByteBuf b, int space, int end) {
        return end - space > 9 && b.getLong(space) == SPACE_PRIVMSG && b.getByte(space + 8) == ' ';
    }

    @Override
    public final void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        opened();
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
    public final void onLine(ByteBuf b, int start, int end) {
        if (end - start >= 4 && b.getInt(start) == PING) {
            send("PONG" + b.toString(start + 4, end - start - 4, StandardCharsets.UTF_8));
            return;
        }
        line(b, start, end);
    }

    @Override
    public final void channelInactive(ChannelHandlerContext ctx) {
        lines.release();
        closed();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private static long bigEndian(String eight) {
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (eight.charAt(i) & 0xff);
        return v;
    }
}

package dev.chatroom.server.net;

import dev.chatroom.irc.IrcLineDecoder;
import dev.chatroom.irc.LineError;
import dev.chatroom.irc.LineFramer;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Departure;
import dev.chatroom.server.DisconnectReason;
import dev.chatroom.server.Hub;
import dev.chatroom.server.Link;
import dev.chatroom.ssh.SshGatewayLine;
import dev.chatroom.tls.Fingerprint;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * One client's channel, the only handler in its pipeline: bytes in are framed and decoded in
 * place and handed to the hub; and it is the connection's {@link Link}, through which the hub's
 * output goes out. One handler instead of four keeps an idle connection small: no per-handler
 * contexts, no decoder objects, no buffer held between lines.
 *
 * <p>Output is appended to pooled buffers of this connection and handed to Netty once per flush
 * round: a recipient costs a copy of the line's bytes, not a Netty write, which is what makes
 * fan-out to large rooms cheap. The buffers are chunks of a fixed size that never grow (a
 * growing buffer is copied each time, and the allocator holds up to twice its content), so what
 * a busy round costs in memory is close to what it carries. Every byte queued here, appended or on its way to the socket,
 * counts against the client's send queue (checked before the bytes are queued: a client over it
 * is dropped at once). What the buffers hold, their capacity rather than the bytes written into
 * them (a growing buffer can be twice as big as its content), counts against the server's
 * {@link OutputMemory}: that is the memory that runs out.
 */
final class ClientChannel extends ChannelInboundHandlerAdapter implements Link, LineFramer.Sink {
    private static final ByteBuf[] NONE = new ByteBuf[0];
    /** How long a closing connection may take to drain its last lines before it is cut. */
    private static final long DRAIN_SECONDS = 5;

    private static final int MIN_BUFFER = 256;
    /** Chunks after the first of a round; a line longer than this gets a chunk of its own size. */
    static final int CHUNK = 8 * 1024;

    private final Hub hub;
    private final Flusher flusher;
    private final OutputMemory memory;
    private final CharsetDecoder utf8;
    private final int sendq;
    /** Behind TLS: the connection counts as encrypted from the start (nothing is read before the handshake). */
    private final boolean secure;

    private final String gatewaySecret;
    /** Skipping the rest of a line that was too long (see LineFramer). */
    private boolean discarding;

    private Channel channel;
    private Connection connection;
    /** The start of a line whose end has not arrived yet; null between lines. */
    private ByteBuf partial;
    /** The chunk being filled this round, and the ones filled before it. */
    private ByteBuf pending;

    private ByteBuf[] filled = NONE;
    private int filledCount;
    private boolean dirty;
    private boolean closing;
    /** Bytes appended or written but not yet taken by the socket (what sendq limits). */
    private int queued;
    /** The capacity of this connection's buffers not yet taken by the socket (what the output budget counts). */
    private int held;
    /** The size of the last flush: the next round starts with a buffer that size, so it rarely grows. */
    private int lastRound = MIN_BUFFER;

    private long lastProgressNanos = System.nanoTime();
    /** Bytes in Netty's outbound buffer at the budget's last look. */
    private long lastWaiting;

    ClientChannel(Hub hub, Flusher flusher, OutputMemory memory, CharsetDecoder utf8, boolean secure) {
        this(hub, flusher, memory, utf8, secure, null);
    }

    /**
     * With a gateway secret: a connection from the ssh gateway, which first says who is behind it
     * ({@link SshGatewayLine}); until then it is not a connection of the hub's.
     */
    ClientChannel(
            Hub hub, Flusher flusher, OutputMemory memory, CharsetDecoder utf8, boolean secure, String gatewaySecret) {
        this.gatewaySecret = gatewaySecret;
        this.secure = secure;
        this.hub = hub;
        this.flusher = flusher;
        this.memory = memory;
        this.utf8 = utf8;
        this.sendq = hub.config().sendq();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        memory.register(this);
        if (gatewaySecret != null) { // the gateway's first line says who it is, at once
            channel.eventLoop()
                    .schedule(
                            () -> {
                                if (connection == null) channel.close();
                            },
                            10,
                            TimeUnit.SECONDS);
            return;
        }
        InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
        connection = hub.connect(remote.getAddress().getHostAddress(), this, secure);
    }

    /** The TLS handshake ended: a client certificate, if any, becomes the connection's; a failed handshake ends it. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (!(evt instanceof SslHandshakeCompletionEvent done) || connection == null) return;
        if (!done.isSuccess()) {
            if (!connection.isClosed())
                hub.departures()
                        .disconnect(
                                connection, new Departure(DisconnectReason.CONNECTION_LOST, "TLS handshake failed"));
            ctx.close();
            return;
        }
        try {
            var peer =
                    ctx.pipeline().get(SslHandler.class).engine().getSession().getPeerCertificates();
            if (peer.length > 0 && peer[0] instanceof X509Certificate cert)
                hub.clientCertificate(connection, Fingerprint.of(cert));
        } catch (SSLPeerUnverifiedException e) {
            // no client certificate: the usual case
        }
    }

    // ---- in ----------------------------------------------------------------------------------

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf read = (ByteBuf) msg;
        ByteBuf in = read;
        try {
            if (connection == null ? gatewaySecret == null || closing : connection.isClosed()) return;
            hub.stats().bytesIn(read.readableBytes());
            if (partial != null) {
                partial.writeBytes(read);
                in = partial;
                partial = null;
            }
            discarding = LineFramer.frame(in, IrcLineDecoder.MAX_LINE, discarding, this);
            if (in.isReadable() && (connection == null ? !closing : !connection.isClosed())) {
                if (in == read) {
                    partial = ctx.alloc().buffer(Math.max(in.readableBytes() * 2, 256));
                    partial.writeBytes(in);
                } else {
                    in.discardReadBytes();
                    partial = in;
                    in = null; // kept for the next read
                }
            }
        } finally {
            read.release();
            if (in != null && in != read) in.release();
        }
    }

    @Override
    public void line(ByteBuf buf, int start, int end) {
        if (connection == null) {
            if (!closing) gatewayLine(buf.toString(start, end - start, StandardCharsets.UTF_8));
            return;
        }
        if (connection.isClosed()) return;
        Object decoded = IrcLineDecoder.decode(buf, start, end, utf8);
        if (decoded != null) hub.received(connection, decoded);
    }

    @Override
    public void tooLong() {
        if (connection == null) {
            closing = true;
            channel.close();
            return;
        }
        if (!connection.isClosed()) hub.received(connection, LineError.TOO_LONG);
    }

    /** The gateway's WEBIRC line: the connection starts as the person it names, or ends here. */
    private void gatewayLine(String text) {
        SshGatewayLine who = SshGatewayLine.parse(text, gatewaySecret);
        if (who == null) {
            hub.events().event("Refused a gateway connection that did not identify itself");
            closing = true;
            channel.close();
            return;
        }
        connection = hub.connectSsh(who.address(), who.keyFingerprint(), this);
        if (connection == null) closing = true;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (connection != null) hub.connectionLost(connection);
        if (partial != null) {
            partial.release();
            partial = null;
        }
        abandon();
        memory.unregister(this);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Fatal.exitOnOutOfMemory(cause);
        boolean tlsNoise = cause instanceof DecoderException && cause.getCause() instanceof SSLException;
        if (!(cause instanceof IOException) && !tlsNoise)
            hub.events().event("Error on the connection of " + connection + ": " + cause);
        ctx.close();
    }

    // ---- out ---------------------------------------------------------------------------------

    @Override
    public void write(ByteBuf lines) {
        if (closing) return;
        int n = lines.readableBytes();
        if (queued + n > sendq) {
            overflow(null);
            return;
        }
        if (pending == null) {
            pending = chunk(Math.max(n, Math.min(lastRound, CHUNK)));
        } else if (pending.writableBytes() < n) {
            if (filledCount == filled.length) filled = Arrays.copyOf(filled, Math.max(4, filledCount * 2));
            filled[filledCount++] = pending;
            pending = chunk(Math.max(n, CHUNK));
        }
        pending.writeBytes(lines, lines.readerIndex(), n);
        queued += n;
        if (!dirty) {
            dirty = true;
            flusher.markDirty(this);
        }
    }

    /** A buffer that never grows, counted against the output budget from the moment it exists. */
    private ByteBuf chunk(int size) {
        ByteBuf b = channel.alloc().directBuffer(size, size);
        held += b.capacity();
        memory.add(b.capacity());
        return b;
    }

    void flushNow() {
        dirty = false;
        if (pending == null) return;
        int n = 0;
        int capacity = 0;
        for (int i = 0; i < filledCount; i++) {
            ByteBuf b = filled[i];
            filled[i] = null;
            n += b.readableBytes();
            capacity += b.capacity();
            channel.write(b, channel.voidPromise());
        }
        filledCount = 0;
        ByteBuf last = pending;
        pending = null;
        n += last.readableBytes();
        capacity += last.capacity();
        lastRound = Math.max(MIN_BUFFER, Integer.highestOneBit(Math.max(1, n - 1)) << 1);
        hub.stats().bytesOut(n);
        int bytes = n;
        int held = capacity;
        // Writes complete in order: the last one's completion means the round's chunks are all gone.
        channel.writeAndFlush(last).addListener(f -> written(bytes, held));
    }

    private void written(int n, int capacity) {
        queued -= n;
        held -= capacity;
        memory.release(capacity);
        lastProgressNanos = System.nanoTime();
    }

    int held() {
        return held;
    }

    /**
     * When this client last took bytes: a completed write, or less waiting in Netty's outbound
     * buffer than at the last look (a big round can take seconds to go out to a reader that is
     * reading all along). Called by the budget's sweep.
     */
    long lastProgressNanos(long now) {
        var out = channel.unsafe().outboundBuffer();
        long waiting = out == null ? 0 : out.totalPendingWriteBytes();
        if (waiting < lastWaiting) lastProgressNanos = now;
        lastWaiting = waiting;
        return lastProgressNanos;
    }

    /**
     * Over its send queue, or not reading while the output budget is full: stop queueing at once,
     * and have the connection dropped (detail: why, when it is not the plain send queue).
     */
    void overflow(String detail) {
        if (closing) return;
        abandon();
        Connection c = connection;
        channel.eventLoop().execute(Fatal.guard(() -> {
            if (c != null) hub.departures().disconnect(c, new Departure(DisconnectReason.SENDQ_EXCEEDED, detail));
            channel.close();
        }));
    }

    @Override
    public void close() {
        if (closing) return;
        flushNow();
        closing = true;
        if (queued >= sendq / 2) {
            channel.close(); // far behind: what is queued would take too long to drain
            return;
        }
        if ((secure && gatewaySecret == null) || !(channel instanceof DuplexChannel duplex)) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        } else {
            // a half-close: the client reads our last lines and then the end, even if lines it sent
            // meanwhile are still arriving (a full close with unread input would reset the
            // connection, and a reset can destroy the ERROR before the client reads it)
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> {
                if (f.isSuccess()) duplex.shutdownOutput();
                else channel.close();
            });
        }
        channel.eventLoop()
                .schedule(
                        () -> {
                            channel.close();
                        },
                        DRAIN_SECONDS,
                        TimeUnit.SECONDS); // closing cannot run out of memory
    }

    /** Stops queueing; what was not yet handed to Netty is freed. */
    private void abandon() {
        closing = true;
        for (int i = 0; i < filledCount; i++) {
            free(filled[i]);
            filled[i] = null;
        }
        filledCount = 0;
        if (pending != null) {
            free(pending);
            pending = null;
        }
    }

    private void free(ByteBuf b) {
        queued -= b.readableBytes();
        held -= b.capacity();
        memory.release(b.capacity());
        b.release();
    }

    @Override
    public boolean isOpen() {
        return !closing && channel.isActive();
    }

    @Override
    public void pauseReading(boolean paused) {
        channel.config().setAutoRead(!paused);
    }
}

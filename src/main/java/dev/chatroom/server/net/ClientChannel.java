package dev.chatroom.server.net;

import dev.chatroom.ip.Address;
import dev.chatroom.irc.IrcLineDecoder;
import dev.chatroom.irc.LineError;
import dev.chatroom.irc.LineFramer;
import dev.chatroom.log.Event;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Departure;
import dev.chatroom.server.DisconnectReason;
import dev.chatroom.server.Hub;
import dev.chatroom.server.Link;
import dev.chatroom.ssh.SshGatewayLine;
import dev.chatroom.tls.Fingerprint;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * One client's channel, the only handler in its pipeline: bytes in are framed and decoded in
 * place and handed to the hub; and it is the connection's {@link Link}, through which the hub's
 * output goes out. One handler instead of four keeps an idle connection small: no per-handler
 * contexts, no decoder objects, no buffer held between lines. Output waits in its
 * {@link SendQueue} until the flush round, and what is held until the client's messages are stored
 * ({@link Link#holdFrom}); a client over its send queue is dropped at once, one that stops reading
 * soon after ({@link OutputMemory}).
 */
final class ClientChannel extends ChannelInboundHandlerAdapter implements Link, LineFramer.Sink {
    /** How long a closing connection may take to drain its last lines before it is cut. */
    private static final long DRAIN_SECONDS = 5;

    private final Hub hub;
    private final Flusher flusher;
    private final OutputMemory memory;
    private final CharsetDecoder utf8;
    private final SendQueue sendQueue;
    /** Behind TLS: the connection counts as encrypted from the start (nothing is read before the handshake). */
    private final boolean secure;

    private final String gatewaySecret;
    /** Over WebSocket ({@link WebSocketLines}): from this address, which a trusted proxy may have named. */
    private Address webClient;
    /** Skipping the rest of a line that was too long (see LineFramer). */
    private boolean discarding;

    private Channel channel;
    private Connection connection;
    /** The start of a line whose end has not arrived yet; null between lines. */
    private ByteBuf partial;

    private boolean dirty;
    private boolean closing;
    /** Output from this mark on waits for the client's messages to be stored ({@link Link#holdFrom}). */
    private long holdFrom = NOTHING_HELD;
    /** Closed while held: the last lines go out, and the connection closes, once nothing is held. */
    private boolean closeWhenReleased;

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
        this.sendQueue = new SendQueue(memory, hub.config().sendq());
    }

    /** Over WebSocket, from client; its lines come whole, one a message (through {@link #line}). */
    ClientChannel web(Address client) {
        webClient = client;
        return this;
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
        connection = hub.connect(webClient != null ? webClient : Address.of(remote.getAddress()), this, secure);
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
            hub.events()
                    .event(Event.warn("gateway_refused", "Refused a gateway connection that did not identify itself"));
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
            hub.events()
                    .event(Event.error("connection_error", "Error on the connection of " + connection + ": " + cause)
                            .nick(connection == null ? null : connection.nick())
                            .address(connection == null ? null : connection.host())
                            .with("error", cause.toString()));
        ctx.close();
    }

    // ---- out ---------------------------------------------------------------------------------

    @Override
    public void write(ByteBuf lines) {
        if (closing) return;
        if (!sendQueue.append(channel, lines)) {
            overflow(null);
            return;
        }
        if (!dirty && holdFrom == NOTHING_HELD) { // what is written while a hold is in place comes after it
            dirty = true;
            flusher.markDirty(this);
        }
    }

    void flushNow() {
        dirty = false;
        sendQueue.writeTo(channel, hub.stats(), holdFrom);
    }

    @Override
    public long mark() {
        return sendQueue.mark();
    }

    @Override
    public void holdFrom(long mark) {
        holdFrom = mark;
        if (closeWhenReleased && mark == NOTHING_HELD) {
            closeWhenReleased = false;
            shutDown();
        } else if (!dirty && channel.isActive() && sendQueue.writable(mark)) {
            dirty = true;
            flusher.markDirty(this);
        }
    }

    int held() {
        return sendQueue.held();
    }

    /**
     * Since when this client has been holding output without taking any ({@link SendQueue#waitingSince});
     * output the server holds back is not the client's doing.
     */
    long waitingSince(long now) {
        return holdFrom != NOTHING_HELD ? now : sendQueue.waitingSince(channel, now);
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
        closing = true;
        if (holdFrom != NOTHING_HELD) closeWhenReleased = true;
        else shutDown();
        channel.eventLoop()
                .schedule(
                        () -> {
                            channel.close();
                        },
                        DRAIN_SECONDS,
                        TimeUnit.SECONDS); // closing cannot run out of memory, nor wait for a store that never answers
    }

    /** Sends what is queued, then the end. */
    private void shutDown() {
        flushNow();
        if (sendQueue.halfFull()) {
            channel.close(); // far behind: what is queued would take too long to drain
            return;
        }
        LastLines.thenEnd(channel, webClient != null);
    }

    /** Stops queueing; what was not yet handed to Netty is freed. */
    private void abandon() {
        closing = true;
        closeWhenReleased = false;
        sendQueue.discard();
    }

    @Override
    public boolean websocket() {
        return webClient != null;
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

package dev.chatroom.server.net;

import static dev.chatroom.irc.Numeric.ERR_INPUTTOOLONG;

import dev.chatroom.irc.IrcFrameDecoder;
import dev.chatroom.irc.IrcLineDecoder;
import dev.chatroom.irc.LineError;
import dev.chatroom.irc.Message;
import dev.chatroom.server.Connection;
import dev.chatroom.server.FloodGate;
import dev.chatroom.server.Hub;
import dev.chatroom.server.commands.Dispatcher;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/** Connects one Netty channel to the hub: lines in, lifecycle events, send-queue overflow. */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    /** Lines held back from a client over its flood limit; past this it is dropped as "Excess flood". */
    static final int MAX_BACKLOG = 200;
    /** Being throttled again sooner than this after catching up does not count as a break in flooding. */
    private static final long BREAK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Hub hub;
    private final Dispatcher dispatcher;
    private final Flusher flusher;
    private Connection connection;
    private NettyOutbox outbox;
    private KeepAlive keepAlive;
    private boolean overflowCheckScheduled;
    private FloodGate flood;
    private final ArrayDeque<Object> backlog = new ArrayDeque<>();
    private boolean drainScheduled;
    private long throttledSince;
    private long unthrottledAt;

    ConnectionHandler(Hub hub, Dispatcher dispatcher, Flusher flusher) {
        this.hub = hub;
        this.dispatcher = dispatcher;
        this.flusher = flusher;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        outbox = new NettyOutbox(ctx.channel(), flusher);
        connection = hub.connect(remote.getAddress().getHostAddress(), outbox);
        if (connection == null) return;
        keepAlive = new KeepAlive(hub, connection, ctx.channel().eventLoop());
        keepAlive.start();
        if (hub.config().floodRate() > 0) flood = new FloodGate(hub.config().floodBurst(), hub.config().floodRate(), System.nanoTime());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (connection == null || connection.state() == Connection.State.CLOSED) {
            ReferenceCountUtil.release(msg);
            return;
        }
        keepAlive.touch();
        if (backlog.isEmpty() && mayProceed(msg)) {
            handle(msg);
            return;
        }
        // Over the flood limit: keep the line, in order, and stop reading until the client may go on.
        long now = System.nanoTime();
        if (backlog.isEmpty() && now - unthrottledAt > BREAK_NANOS) throttledSince = now;
        backlog.add(msg);
        if (backlog.size() > MAX_BACKLOG || now - throttledSince > hub.config().floodDropAfter().toNanos()) {
            dropFlooder();
            return;
        }
        ctx.channel().config().setAutoRead(false);
        scheduleDrain(ctx);
    }

    /** PING and PONG cost nothing: keepalive must work for a throttled client too. */
    private boolean mayProceed(Object msg) {
        if (flood == null) return true;
        if (msg instanceof Message m && (m.command().equals("PING") || m.command().equals("PONG"))) return true;
        return flood.tryTake(System.nanoTime());
    }

    private void scheduleDrain(ChannelHandlerContext ctx) {
        if (drainScheduled) return;
        drainScheduled = true;
        long wait = Math.max(flood.nanosUntilToken(System.nanoTime()), 1_000_000);
        ctx.channel().eventLoop().schedule(() -> drain(ctx), wait, TimeUnit.NANOSECONDS);
    }

    private void dropFlooder() {
        backlog.clear();
        hub.close(connection, Hub.EXCESS_FLOOD);
    }

    private void drain(ChannelHandlerContext ctx) {
        drainScheduled = false;
        if (connection.state() != Connection.State.CLOSED && System.nanoTime() - throttledSince > hub.config().floodDropAfter().toNanos()) {
            dropFlooder();
            return;
        }
        while (!backlog.isEmpty() && connection.state() != Connection.State.CLOSED && mayProceed(backlog.peek())) {
            handle(backlog.poll());
        }
        if (connection.state() == Connection.State.CLOSED) {
            backlog.clear();
        } else if (backlog.isEmpty()) {
            unthrottledAt = System.nanoTime();
            ctx.channel().config().setAutoRead(true);
        } else {
            scheduleDrain(ctx);
        }
    }

    private void handle(Object msg) {
        if (msg instanceof Message m) {
            dispatcher.dispatch(hub, connection, m);
        } else if (msg instanceof LineError e) {
            reportBadLine(e);
        }
    }

    private void reportBadLine(LineError e) {
        switch (e) {
            case TOO_LONG -> hub.reply(connection, ERR_INPUTTOOLONG, "Input line was too long");
            case INVALID_UTF8 -> hub.notice(connection, "Your line was dropped: it is not valid UTF-8.");
            case FORBIDDEN_CHARACTER -> hub.notice(connection, "Your line was dropped: it contains a NUL or CR character.");
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (!ctx.channel().isWritable() && !overflowCheckScheduled) {
            // Unflushed lines count too, and a burst can cross the mark before the coalesced flush
            // of this turn. Judge after that flush: only a client whose queue stays over the cap
            // once everything went to the kernel is really not reading.
            overflowCheckScheduled = true;
            ctx.channel().eventLoop().execute(() -> checkOverflow(ctx));
        }
        ctx.fireChannelWritabilityChanged();
    }

    private void checkOverflow(ChannelHandlerContext ctx) {
        overflowCheckScheduled = false;
        ctx.channel().flush();
        if (ctx.channel().isWritable() || connection == null || connection.state() == Connection.State.CLOSED) return;
        outbox.abandon();
        hub.disconnect(connection, Hub.SENDQ_EXCEEDED);
        ctx.channel().close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (keepAlive != null) keepAlive.stop();
        if (connection != null) hub.disconnect(connection, Hub.CONNECTION_LOST);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) {
            hub.notice(connection, "Internal error; closing the connection.");
            System.err.println("chatroom: error on " + connection + ": " + cause);
        }
        ctx.close();
    }
}

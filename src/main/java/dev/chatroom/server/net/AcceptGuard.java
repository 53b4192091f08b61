package dev.chatroom.server.net;

import dev.chatroom.log.Event;
import dev.chatroom.log.EventSink;
import dev.chatroom.server.Clock;
import dev.chatroom.server.Departure;
import dev.chatroom.server.DisconnectReason;
import dev.chatroom.server.Stats;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the listeners do when accepting fails, which in practice is running out of file descriptors:
 * more connections at once than the open-file limit leaves room for, before the refused ones are
 * closed. Netty's answer would be to stop accepting for a second and hand the exception to the end of
 * the pipeline, which logs it through java.util.logging; that opens the time-zone database, which
 * takes a descriptor there is none of, and the error ended the event loop.
 *
 * <p>Here, on the listener's pipeline before Netty's acceptor, the failure stops: with the {@link
 * ReserveDescriptor} still held, it is given up, so the listener's next accept succeeds, and while it is
 * given up every accepted connection is told {@code ERROR :Closing link: the server is full} and closed.
 * Without it, the listener stops accepting until a connection closes (or for {@link #PAUSE_NANOS} at
 * most, as a descriptor may be freed elsewhere), as nginx does; a listener that kept accepting would
 * spin, its backlog always ready. The first descriptor a closed connection frees takes the reserve back.
 * This stays on Netty's listener instead of accepting with java.nio by hand: the epoll transport owns its
 * socket, and the listener's ordinary accept is all the reserve needs. The admin is told at most once
 * in {@link #REPORT_EVERY_NANOS}, through the events, which open no file.
 */
@ChannelHandler.Sharable
final class AcceptGuard extends ChannelInboundHandlerAdapter implements AutoCloseable {
    /** The longest accepting pauses when no descriptor is left; a connection closing ends the pause at once. */
    static final long PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How soon after a connection closes accepting resumes. */
    static final long SOON_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** However many accepts fail, one line in this time. */
    static final long REPORT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** The same words as a refusal by max-clients (the Gate's). */
    private static final byte[] FULL = ("ERROR :"
                    + Departure.of(DisconnectReason.SERVER_FULL).errorMessage() + "\r\n")
            .getBytes(StandardCharsets.UTF_8);

    private final ReserveDescriptor reserve = new ReserveDescriptor();
    private final Clock clock;
    private final EventSink events;
    private final Stats stats;
    private final long limit = Descriptors.limit();
    private final List<Channel> paused = new ArrayList<>(2);
    private final ChannelFutureListener closed = f -> descriptorFreed();
    private Clock.Timer resume;
    private boolean resumingSoon;
    private long reportedAt;
    private boolean reported;

    /** Runs on the loop the clock's timers run on. */
    AcceptGuard(Clock clock, EventSink events, Stats stats) {
        this.clock = clock;
        this.events = events;
        this.stats = stats;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Fatal.exitOnOutOfMemory(cause);
        boolean exhausted = Descriptors.exhausted(cause);
        if (!exhausted || !reserve.release()) pause(ctx.channel());
        report(exhausted, cause);
        // not passed on: see above
    }

    /**
     * Each connection accepted, before anything else sees it: false when it may be served, true when it
     * has been refused (as full; closed without a word where a TLS handshake would come first).
     */
    boolean refused(Channel child, boolean plainText) {
        child.closeFuture().addListener(closed);
        if (reserve.held()) return false;
        stats.disconnected(DisconnectReason.SERVER_FULL);
        if (plainText) child.writeAndFlush(Unpooled.wrappedBuffer(FULL)).addListener(ChannelFutureListener.CLOSE);
        else child.close();
        return true;
    }

    /** Whether new connections are served (the reserve is held) rather than refused. */
    boolean accepting() {
        return reserve.held();
    }

    /**
     * A connection closed. Its descriptor is free at once with epoll, but NIO frees it only at its
     * selector's next select: the reserve is taken back, and accepting resumed, just after that.
     */
    private void descriptorFreed() {
        if ((reserve.held() && paused.isEmpty()) || resumingSoon) return;
        if (resume != null) resume.cancel();
        resume = clock.schedule(this::resume, SOON_NANOS);
        resumingSoon = true;
    }

    private void pause(Channel listener) {
        listener.config().setAutoRead(false);
        if (!paused.contains(listener)) paused.add(listener);
        if (resume == null) resume = clock.schedule(this::resume, PAUSE_NANOS);
    }

    private void resume() {
        resume = null;
        resumingSoon = false;
        reserve.take();
        for (Channel listener : paused) listener.config().setAutoRead(true);
        paused.clear();
    }

    private void report(boolean exhausted, Throwable cause) {
        long now = clock.nanos();
        if (reported && now - reportedAt < REPORT_EVERY_NANOS) return;
        reported = true;
        reportedAt = now;
        events.event(
                exhausted
                        ? Event.warn(
                                        "descriptors_exhausted",
                                        "Too many open files (open-file limit " + limit
                                                + "): new connections are refused as full, and accepting pauses"
                                                + " until one closes. Raise the limit (ulimit -n) to allow more.")
                                .with("limit", limit)
                        : Event.warn(
                                "accept_failed",
                                "Accepting a connection failed (" + cause.getMessage()
                                        + "): pausing accepts for a second."));
    }

    @Override
    public void close() {
        if (resume != null) resume.cancel();
        reserve.close();
    }
}

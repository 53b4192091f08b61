package dev.chatroom.server.net;

import dev.chatroom.server.Stats;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * A client's send queue: its output from appended to taken by the socket. Lines are appended to
 * pooled buffers of this connection and handed to Netty once per flush round: a recipient costs a
 * copy of the line's bytes, not a Netty write, which is what makes fan-out to large rooms cheap.
 * The buffers are chunks of a fixed size that never grow (a growing buffer is copied each time,
 * and the allocator holds up to twice its content), so what a busy round costs in memory is close
 * to what it carries. Every byte queued here, appended or on its way to the socket, counts against
 * the limit (checked before the bytes are queued). What the buffers hold, their capacity rather
 * than the bytes written into them, counts against the server's {@link OutputMemory}: that is the
 * memory that runs out. A mark ends the chunk being filled, so what was queued before it can be
 * written while what follows waits (durable acknowledgement holds a sender's output from a mark on).
 * Used on the channel's event loop only.
 */
final class SendQueue {
    private static final ByteBuf[] NONE = new ByteBuf[0];

    private static final int MIN_BUFFER = 256;
    /** Chunks after the first of a round; a line longer than this gets a chunk of its own size. */
    static final int CHUNK = 8 * 1024;

    private final OutputMemory memory;
    /** The most bytes queued at once: the client's sendq. */
    private final int limit;

    /** The chunk being filled, and the ones filled before it and not handed to Netty yet, oldest first (a ring). */
    private ByteBuf pending;

    private ByteBuf[] filled = NONE;
    private int filledHead;
    private int filledCount;
    /** Chunks filled so far: the number the pending chunk gets when it is filled; chunks are numbered from 0. */
    private long sealed;
    /** Chunks handed to Netty so far: the number of the oldest filled one. */
    private long sent;
    /** Bytes appended or written but not yet taken by the socket (what sendq limits). */
    private int queued;
    /** The capacity of this connection's buffers not yet taken by the socket (what the output budget counts). */
    private int held;
    /** The size of the last flush: the next round starts with a buffer that size, so it rarely grows. */
    private int lastRound = MIN_BUFFER;

    /** When the socket last took bytes (on the budget's clock); none yet: the lowest time. */
    private long lastProgressNanos = Long.MIN_VALUE;
    /** Bytes in Netty's outbound buffer at the budget's last look. */
    private long lastWaiting;
    /** The first look that found this client holding output, since it last held none; valid while seenHolding. */
    private long firstSeenHoldingNanos;

    private boolean seenHolding;

    SendQueue(OutputMemory memory, int limit) {
        this.memory = memory;
        this.limit = limit;
    }

    /** Appends the lines to this round; false, with nothing queued, when they would take it over its limit. */
    boolean append(Channel channel, ByteBuf lines) {
        int n = lines.readableBytes();
        if (queued + n > limit) return false;
        if (pending == null) {
            pending = chunk(channel, Math.max(n, Math.min(lastRound, CHUNK)));
        } else if (pending.writableBytes() < n) {
            seal();
            pending = chunk(channel, Math.max(n, CHUNK));
        }
        pending.writeBytes(lines, lines.readerIndex(), n);
        queued += n;
        return true;
    }

    /** A buffer that never grows, counted against the output budget from the moment it exists. */
    private ByteBuf chunk(Channel channel, int size) {
        ByteBuf b = channel.alloc().directBuffer(size, size);
        held += b.capacity();
        memory.add(b.capacity());
        return b;
    }

    /** The pending chunk joins the filled ones: what follows goes into a new chunk. */
    private void seal() {
        if (filledCount == filled.length) {
            ByteBuf[] grown = new ByteBuf[Math.max(4, filled.length * 2)];
            for (int i = 0; i < filledCount; i++) grown[i] = filled[(filledHead + i) % filled.length];
            filled = grown;
            filledHead = 0;
        }
        filled[(filledHead + filledCount++) % filled.length] = pending;
        pending = null;
        sealed++;
    }

    /** A place between what was queued so far and what comes next: chunks numbered below it hold the former. */
    long mark() {
        if (pending != null && pending.isReadable()) seal();
        return sealed;
    }

    /** Whether chunks below the mark upTo ({@link Long#MAX_VALUE}: all) wait to be handed to Netty. */
    boolean writable(long upTo) {
        return (filledCount > 0 && sent < upTo) || (upTo == Long.MAX_VALUE && pending != null);
    }

    /**
     * Hands the chunks below the mark upTo ({@link Long#MAX_VALUE}: all of them) to Netty: they stay
     * counted until the socket has taken them.
     */
    void writeTo(Channel channel, Stats stats, long upTo) {
        if (upTo == Long.MAX_VALUE && pending != null) seal();
        int n = 0;
        int capacity = 0;
        ByteBuf last = null;
        while (filledCount > 0 && sent < upTo) {
            ByteBuf b = filled[filledHead];
            filled[filledHead] = null;
            filledHead = (filledHead + 1) % filled.length;
            filledCount--;
            sent++;
            if (last != null) channel.write(last, channel.voidPromise());
            last = b;
            n += b.readableBytes();
            capacity += b.capacity();
        }
        if (last == null) return;
        lastRound = Math.max(MIN_BUFFER, Integer.highestOneBit(Math.max(1, n - 1)) << 1);
        stats.bytesOut(n);
        int bytes = n;
        int chunks = capacity;
        // Writes complete in order: the last one's completion means the round's chunks are all gone.
        channel.writeAndFlush(last).addListener(f -> written(bytes, chunks));
    }

    private void written(int n, int capacity) {
        queued -= n;
        held -= capacity;
        memory.release(capacity);
        lastProgressNanos = memory.now();
    }

    /** Half its limit or more is queued: at a close, that would take too long to drain. */
    boolean halfFull() {
        return queued >= limit / 2;
    }

    int held() {
        return held;
    }

    /**
     * Since when this client has held output without taking any: the later of its last progress
     * and the first look that found it holding output, so one that was idle for an hour and has
     * just been sent a burst has only begun to wait; now when it holds nothing.
     */
    long waitingSince(Channel channel, long now) {
        if (held == 0) {
            seenHolding = false;
            return now;
        }
        if (!seenHolding) {
            seenHolding = true;
            firstSeenHoldingNanos = now;
        }
        return Math.max(firstSeenHoldingNanos, lastProgressNanos(channel, now));
    }

    /**
     * When this client last took bytes: a completed write, or less waiting in Netty's outbound
     * buffer than at the last look (a big round can take seconds to go out to a reader that is
     * reading all along).
     */
    private long lastProgressNanos(Channel channel, long now) {
        var out = channel.unsafe().outboundBuffer();
        long waiting = out == null ? 0 : out.totalPendingWriteBytes();
        if (waiting < lastWaiting) lastProgressNanos = now;
        lastWaiting = waiting;
        return lastProgressNanos;
    }

    /** Frees what was not yet handed to Netty. */
    void discard() {
        while (filledCount > 0) {
            free(filled[filledHead]);
            filled[filledHead] = null;
            filledHead = (filledHead + 1) % filled.length;
            filledCount--;
            sent++;
        }
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
}

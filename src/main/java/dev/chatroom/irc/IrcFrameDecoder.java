package dev.chatroom.irc;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ByteProcessor;
import java.util.List;

/**
 * Splits the byte stream into lines at LF, dropping a CR before it. A line longer than the limit
 * is discarded up to its LF and replaced by {@link LineError#TOO_LONG}, so it is never half
 * processed and the next line is read normally. Unlike Netty's line decoder this never throws,
 * which would leave already-buffered lines waiting for the next read.
 */
public final class IrcFrameDecoder extends ByteToMessageDecoder {
    private final int maxLength;
    private boolean discarding;

    public IrcFrameDecoder(int maxLength) {
        this.maxLength = maxLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int lf = in.forEachByte(ByteProcessor.FIND_LF);
            if (lf < 0) {
                if (discarding) {
                    in.skipBytes(in.readableBytes());
                } else if (in.readableBytes() > maxLength + 1) {
                    discarding = true;
                    in.skipBytes(in.readableBytes());
                    out.add(LineError.TOO_LONG);
                }
                return;
            }
            int length = lf - in.readerIndex();
            if (discarding) {
                discarding = false;
                in.readerIndex(lf + 1);
                continue;
            }
            int content = length > 0 && in.getByte(lf - 1) == '\r' ? length - 1 : length;
            if (content > maxLength) {
                in.readerIndex(lf + 1);
                out.add(LineError.TOO_LONG);
                continue;
            }
            out.add(in.readRetainedSlice(content));
            in.readerIndex(lf + 1);
        }
    }
}

package dev.chatroom.irc;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * The {@link LineFramer} as a Netty decoder, for pipelines that want one line per message (the
 * client): each line becomes a retained slice, a line too long becomes {@link LineError#TOO_LONG}.
 * Unlike Netty's line decoder this never throws, which would leave buffered lines waiting.
 */
public final class IrcFrameDecoder extends ByteToMessageDecoder {
    private final int maxLength;
    private boolean discarding;

    public IrcFrameDecoder(int maxLength) {
        this.maxLength = maxLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        discarding = LineFramer.frame(in, maxLength, discarding, new LineFramer.Sink() {
            @Override
            public void line(ByteBuf buf, int start, int end) {
                out.add(buf.retainedSlice(start, end - start));
            }

            @Override
            public void tooLong() {
                out.add(LineError.TOO_LONG);
            }
        });
    }
}

package dev.chatroom.server.net;

import dev.chatroom.ip.Address;
import dev.chatroom.irc.IrcLineDecoder;
import dev.chatroom.server.Stats;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.CodecException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.util.ByteProcessor;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Between WebSocket frames and a {@link ClientChannel}, which does all the rest exactly as for TCP
 * (the gate, limits, flood control, the send queue, held output): one IRC line per message, without
 * CR LF (IRCv3 websocket). Once the handshake is done, it puts the connection's ClientChannel after
 * itself and tells it the connection is active. Out, the send queue's chunks of CR LF-ended lines
 * become one frame per line, slices of the chunk rather than copies: text frames for
 * {@code text.ircv3.net} (and when no subprotocol was asked for), with invalid UTF-8 replaced, which
 * a browser would drop the connection for; binary ones for {@code binary.ircv3.net}.
 */
final class WebSocketLines extends ChannelDuplexHandler {
    static final String TEXT = "text.ircv3.net", BINARY = "binary.ircv3.net";

    private final Stats stats;
    private final Function<Address, ClientChannel> clients;
    private Address client;
    private ClientChannel channel;
    private boolean binary;

    /** clients: the ClientChannel for a connection from an address. */
    WebSocketLines(Stats stats, Function<Address, ClientChannel> clients) {
        this.stats = stats;
        this.clients = clients;
    }

    /** The address the upgrade request came from, proxies seen through. */
    void client(Address address) {
        client = address;
    }

    boolean upgraded() {
        return channel != null;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof HandshakeComplete done && channel == null) {
            binary = BINARY.equals(done.selectedSubprotocol());
            channel = clients.apply(client);
            ctx.pipeline().addAfter(ctx.name(), "client", channel);
            ctx.fireChannelActive(); // to the client channel alone: the socket was active long before
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (channel != null && (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame)) {
                ByteBuf line = ((WebSocketFrame) msg).content();
                stats.bytesIn(line.readableBytes());
                // a CR or LF inside is refused by the decoder, as a CR is on TCP
                if (line.readableBytes() > IrcLineDecoder.MAX_LINE) channel.tooLong();
                else channel.line(line, line.readerIndex(), line.writerIndex());
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof ByteBuf lines) || !lines.isReadable()) {
            ctx.write(msg, promise);
            return;
        }
        try {
            int end = lines.writerIndex();
            int start = lines.readerIndex();
            while (start < end) {
                int lf = lines.forEachByte(start, end - start, ByteProcessor.FIND_LF);
                int next = lf < 0 ? end : lf + 1;
                int lineEnd = lf < 0 ? end : lf > start && lines.getByte(lf - 1) == '\r' ? lf - 1 : lf;
                // writes complete in order: the last one's promise stands for the chunk
                ctx.write(frame(lines, start, lineEnd), next >= end ? promise : ctx.voidPromise());
                start = next;
            }
        } finally {
            lines.release();
        }
    }

    private WebSocketFrame frame(ByteBuf lines, int start, int end) {
        ByteBuf line = lines.retainedSlice(start, end - start);
        if (binary) return new BinaryWebSocketFrame(line);
        if (!ByteBufUtil.isText(line, StandardCharsets.UTF_8)) {
            String replaced = line.toString(StandardCharsets.UTF_8); // malformed bytes become U+FFFD
            line.release();
            line = Unpooled.copiedBuffer(replaced, StandardCharsets.UTF_8);
        }
        return new TextWebSocketFrame(line);
    }

    /** A frame that breaks the protocol (Netty has sent the close frame that says why), or a handshake refused. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CodecException) ctx.close();
        else ctx.fireExceptionCaught(cause);
    }
}

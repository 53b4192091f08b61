package dev.chatroom.client;

import dev.chatroom.irc.IrcFrameDecoder;
import dev.chatroom.irc.IrcLineDecoder;
import dev.chatroom.irc.Message;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One TCP connection to an IRC server: lines out, parsed lines in (on the connection's own
 * thread, in order), and its end reported once. Knows nothing of what the lines mean.
 */
final class IrcConnection implements AutoCloseable {
    /** What the connection reports, on its thread. */
    interface Listener {
        void line(Message m);

        /** Some bytes arrived (whether or not they make an IRC line). */
        default void bytes() {}

        void closed();
    }

    private final EventLoopGroup group;
    private final Channel channel;

    private IrcConnection(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /** Connects, or throws an IOException whose message is fit for the user ("connection refused"). */
    static IrcConnection open(String host, int port, Listener listener) throws IOException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        Bootstrap b = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new io.netty.channel.ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                listener.bytes();
                                ctx.fireChannelRead(msg);
                            }
                        });
                        ch.pipeline().addLast(new IrcFrameDecoder(IrcLineDecoder.MAX_LINE), new IrcLineDecoder(true), new Handler(listener));
                    }
                });
        try {
            return new IrcConnection(group, b.connect(host, port).syncUninterruptibly().channel());
        } catch (Exception e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IOException(describe(e), e);
        }
    }

    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                String m = String.valueOf(t.getMessage()).toLowerCase();
                if (m.contains("refused")) return "connection refused";
                if (m.contains("timed out") || m.contains("timeout")) return "timed out";
                return m;
            }
            if (t instanceof UnknownHostException) return "unknown host";
        }
        return String.valueOf(e.getMessage());
    }

    void send(String line) {
        if (!channel.isActive()) return;
        ByteBuf buf = channel.alloc().buffer(line.length() + 8);
        buf.writeCharSequence(line, StandardCharsets.UTF_8);
        buf.writeByte('\r').writeByte('\n');
        channel.writeAndFlush(buf);
    }

    /** Runs the task on the connection's thread, in order with the lines it reports. */
    void execute(Runnable task) {
        channel.eventLoop().execute(task);
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }

    private static final class Handler extends SimpleChannelInboundHandler<Object> {
        private final Listener listener;

        Handler(Listener listener) {
            this.listener = listener;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Message m) listener.line(m);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            listener.closed();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}

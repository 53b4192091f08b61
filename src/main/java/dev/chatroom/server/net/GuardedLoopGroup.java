package dev.chatroom.server.net;

import io.netty.channel.IoEventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SingleThreadIoEventLoop;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The group of the one event loop, whose loop hands whatever escapes it to a handler before ending
 * ({@link Fatal#exitOnLoopFailure} in the server). Left to Netty, a loop ended by an error is logged and
 * stopped, and nothing else notices.
 */
final class GuardedLoopGroup extends MultiThreadIoEventLoopGroup {
    GuardedLoopGroup(IoHandlerFactory io, Consumer<Throwable> onFailure) {
        super(
                1,
                (Executor) null,
                io,
                onFailure); // the handler reaches newChild through the arguments: it runs in super()
    }

    @Override
    @SuppressWarnings("unchecked")
    protected IoEventLoop newChild(Executor executor, IoHandlerFactory io, Object... args) {
        Consumer<Throwable> onFailure = (Consumer<Throwable>) args[0];
        return new SingleThreadIoEventLoop(this, executor, io) {
            @Override
            protected void run() {
                try {
                    super.run();
                } catch (Throwable t) {
                    onFailure.accept(t);
                    throw t;
                }
            }
        };
    }
}

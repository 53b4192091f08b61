package dev.chatroom.server.net;

import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.nio.NioIoHandler;
import java.util.function.Consumer;

/**
 * An event loop whose I/O fails as the server's did with no descriptor left: an error escapes the
 * loop. Its main is a process of its own, for {@link LoopFailureIT}; the group's handler is the server's.
 */
final class FailingLoop {
    static final String ERROR = "Could not initialize class java.time.zone.ZoneRulesProvider";

    private FailingLoop() {}

    /** Starts a loop whose first turn fails; onFailure gets the error. */
    static GuardedLoopGroup start(Consumer<Throwable> onFailure) {
        IoHandlerFactory nio = NioIoHandler.newFactory();
        IoHandlerFactory failing = executor -> new Failing(nio.newHandler(executor));
        GuardedLoopGroup group = new GuardedLoopGroup(failing, onFailure);
        group.next().execute(() -> {}); // the loop's thread starts with its first task
        return group;
    }

    public static void main(String[] args) throws InterruptedException {
        start(Fatal::exitOnLoopFailure).terminationFuture().await();
        System.out.println("the loop ended and the process went on");
    }

    private record Failing(IoHandler nio) implements IoHandler {
        @Override
        public void initialize() {
            nio.initialize();
        }

        @Override
        public int run(IoHandlerContext context) {
            throw new NoClassDefFoundError(ERROR);
        }

        @Override
        public void prepareToDestroy() {
            nio.prepareToDestroy();
        }

        @Override
        public void destroy() {
            nio.destroy();
        }

        @Override
        public io.netty.channel.IoRegistration register(io.netty.channel.IoHandle handle) throws Exception {
            return nio.register(handle);
        }

        @Override
        public void wakeup() {
            nio.wakeup();
        }

        @Override
        public boolean isCompatible(Class<? extends io.netty.channel.IoHandle> handleType) {
            return nio.isCompatible(handleType);
        }
    }
}

package dev.chatroom.server.net;

import dev.chatroom.server.Background;
import io.netty.channel.EventLoop;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Password hashing beside the event loop: one thread per core but at most two (each Argon2id
 * hash takes 19 MiB while it runs). The server hands it no more work than it has threads (the
 * waiting and the turns between addresses are the core's); the short queue is a safety net, past
 * which work is answered "busy".
 */
public final class HashingThreads implements Background {
    private final EventLoop loop;
    private final ThreadPoolExecutor pool;
    private final int threads;

    public HashingThreads(EventLoop loop) {
        this.loop = loop;
        this.threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64), r -> {
            Thread t = new Thread(r, "chatroom-hashing");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> void run(Supplier<T> work, Consumer<T> then, Runnable busy) {
        try {
            pool.execute(() -> {
                T result;
                try {
                    result = work.get();
                } catch (Throwable t) {
                    Fatal.exitOnOutOfMemory(t);
                    loop.execute(Fatal.guard(busy));
                    return;
                }
                loop.execute(Fatal.guard(() -> then.accept(result)));
            });
        } catch (RejectedExecutionException e) {
            loop.execute(Fatal.guard(busy));
        }
    }

    @Override
    public int threads() {
        return threads;
    }

    public void close() {
        pool.shutdownNow();
    }
}

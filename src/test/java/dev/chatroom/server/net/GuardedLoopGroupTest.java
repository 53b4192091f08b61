package dev.chatroom.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GuardedLoopGroupTest {
    @Test
    void whatEscapesTheLoopReachesTheHandler() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        GuardedLoopGroup group = FailingLoop.start(failure::complete);
        assertThat(failure.get(10, TimeUnit.SECONDS))
                .isInstanceOf(NoClassDefFoundError.class)
                .hasMessage(FailingLoop.ERROR);
        assertThat(group.terminationFuture().await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aLoopThatRunsWellNeverCallsIt() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        GuardedLoopGroup group =
                new GuardedLoopGroup(io.netty.channel.nio.NioIoHandler.newFactory(), failure::complete);
        assertThat(group.submit(() -> 42).get(10, TimeUnit.SECONDS)).isEqualTo(42);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
        assertThat(failure).isNotDone();
    }
}

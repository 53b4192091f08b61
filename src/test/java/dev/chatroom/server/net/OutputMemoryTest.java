package dev.chatroom.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The output budget's accounting: when it is full, who waits, and in which order they go on. */
class OutputMemoryTest {
    private final EmbeddedChannel loop = new EmbeddedChannel();
    private final OutputMemory memory = new OutputMemory(100L << 20, 1 << 20, Duration.ofSeconds(10), loop.eventLoop());
    private final List<String> ran = new ArrayList<>();

    @Test
    void fullOverTheLimitAndAvailableAgainUnderHalfOfIt() {
        long limit = memory.limit();
        assertThat(limit).isEqualTo(OutputMemory.MIN_LIMIT); // no connections: the floor
        memory.add(limit);
        assertThat(memory.exhausted()).isFalse();
        memory.add(1);
        assertThat(memory.exhausted()).isTrue();
        memory.release(limit / 2); // still over half: full
        loop.runPendingTasks();
        assertThat(memory.exhausted()).isTrue();
        memory.release(2);
        loop.runPendingTasks();
        assertThat(memory.exhausted()).isFalse();
    }

    @Test
    void heldSendersGoOnInTheOrderTheyWereHeldUntilItFillsAgain() {
        memory.add(memory.limit() + 1);
        assertThat(memory.exhausted()).isTrue();
        memory.whenAvailable(() -> ran.add("first"));
        memory.whenAvailable(() -> {
            ran.add("second");
            memory.add(memory.limit() + 1); // this one fills it again
        });
        memory.whenAvailable(() -> ran.add("third"));
        loop.runPendingTasks();
        assertThat(ran).isEmpty();
        memory.release(memory.queued());
        loop.runPendingTasks();
        assertThat(ran).containsExactly("first", "second");
        memory.release(memory.queued());
        loop.runPendingTasks();
        assertThat(ran).containsExactly("first", "second", "third");
    }

    @Test
    void aFailingHeldSenderDoesNotStrandTheOthers() {
        memory.add(memory.limit() + 1);
        memory.exhausted();
        memory.whenAvailable(() -> {
            throw new IllegalStateException("a bug");
        });
        memory.whenAvailable(() -> ran.add("next"));
        memory.release(memory.queued());
        loop.runPendingTasks();
        assertThat(ran).containsExactly("next");
    }

    @Test
    void whileNotFullAWaiterIsRunSoon() {
        memory.whenAvailable(() -> ran.add("now"));
        loop.runPendingTasks();
        assertThat(ran).containsExactly("now");
    }
}

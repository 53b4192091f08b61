package dev.chatroom.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one waiting helper: it returns as soon as the condition holds, and fails with what it saw. */
class AwaitTest {
    private static final Duration SHORT = Duration.ofMillis(50);

    @Test
    void untilReturnsTheFirstReadingThatHolds() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        assertThat(Await.until("third read", Duration.ofSeconds(10), reads::incrementAndGet, n -> n >= 3))
                .isEqualTo(3);
    }

    @Test
    void untilSeesWhatAnotherThreadDoes() throws Exception {
        AtomicInteger value = new AtomicInteger();
        CompletableFuture.runAsync(() -> value.set(42));
        Await.until("the value set", Duration.ofSeconds(10), () -> value.get() == 42);
    }

    @Test
    void untilFailsAtTheDeadlineShowingTheLastReading() {
        assertThatThrownBy(() -> Await.until(
                        "line saying done",
                        SHORT,
                        () -> List.of("starting", "working"),
                        lines -> lines.contains("done")))
                .isInstanceOf(AssertionError.class)
                .hasMessage("no line saying done within 50 ms; last seen:\nstarting\nworking\n");
        assertThatThrownBy(() -> Await.until("flag", Duration.ofSeconds(2), () -> false))
                .hasMessage("no flag within 2 s");
    }

    @Test
    void aFailingProbeEndsTheWait() {
        assertThatThrownBy(() -> Await.until("file", Duration.ofSeconds(10), () -> {
                    throw new IOException("gone");
                }))
                .isInstanceOf(IOException.class)
                .hasMessage("gone");
    }

    @Test
    void takeReturnsTheFirstMatchRecordingEverythingTaken() throws Exception {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>(List.of("x", "y", "z"));
        List<String> seen = new ArrayList<>();
        assertThat(Await.take("y", SHORT, queue, "y"::equals, seen)).isEqualTo("y");
        assertThat(seen).containsExactly("x", "y");
        assertThat(queue).containsExactly("z");
    }

    @Test
    void takeWaitsForWhatIsYetToComeAndFailsListingWhatCame() throws Exception {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        CompletableFuture.runAsync(() -> queue.add("late"));
        assertThat(Await.take("late", Duration.ofSeconds(10), queue, "late"::equals, new ArrayList<>()))
                .isEqualTo("late");

        queue.add("other");
        assertThatThrownBy(() -> Await.take("match", SHORT, queue, "never"::equals, new ArrayList<>()))
                .isInstanceOf(AssertionError.class)
                .hasMessage("no match within 50 ms; saw:\nother\n");
    }
}

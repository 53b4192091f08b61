package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.server.flow.FloodGate;
import org.junit.jupiter.api.Test;

/** The token bucket on a manual clock: no sleeping. */
class FloodGateTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void burstThenSustainedRate() {
        FloodGate g = new FloodGate(3, 2, 0);
        assertThat(g.tryTake(0)).isTrue();
        assertThat(g.tryTake(0)).isTrue();
        assertThat(g.tryTake(0)).isTrue();
        assertThat(g.tryTake(0)).isFalse();
        assertThat(g.nanosUntilToken(0)).isEqualTo(SECOND / 2);
        assertThat(g.tryTake(SECOND / 2 - 1)).isFalse();
        assertThat(g.tryTake(SECOND / 2)).isTrue();
        assertThat(g.tryTake(SECOND)).isTrue();
        assertThat(g.tryTake(SECOND)).isFalse();
    }

    @Test
    void idleTimeRefillsOnlyUpToTheBurst() {
        FloodGate g = new FloodGate(2, 10, 0);
        g.tryTake(0);
        g.tryTake(0);
        long later = 100 * SECOND;
        assertThat(g.tryTake(later)).isTrue();
        assertThat(g.tryTake(later)).isTrue();
        assertThat(g.tryTake(later)).isFalse();
    }
}

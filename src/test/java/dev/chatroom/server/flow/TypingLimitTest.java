package dev.chatroom.server.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The typing limit's memory stays bounded however many targets a sender types to. */
class TypingLimitTest {
    @Test
    void onlyTheLatestTargetsAreRememberedAndAForgottenOneStartsAfresh() {
        TypingLimit limit = new TypingLimit();
        assertThat(limit.allow("first", "active", 0)).isTrue();
        assertThat(limit.allow("first", "active", 1)).isFalse();
        for (int i = 0; i < 1000; i++)
            assertThat(limit.allow("t" + i, "active", 2)).isTrue();
        assertThat(limit.size()).isEqualTo(TypingLimit.TARGETS);
        assertThat(limit.allow("first", "active", 3)).isTrue(); // forgotten: one early active, no more
        assertThat(limit.allow("first", "active", 4)).isFalse();
        assertThat(limit.allow("t999", "active", 5)).isFalse(); // the latest are still paced
    }
}

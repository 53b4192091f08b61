package dev.chatroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a soak passes: nothing lost, duplicated or failed, servers alive, heap after GC flat from the baseline. */
class SoakVerdictTest {
    private static final SoakLedger.Counts COUNTS = new SoakLedger.Counts(0, 0, 0, 0, 0);

    /** Samples a minute apart of one server (pid 7) with these heaps after GC, in MiB. */
    private static List<SoakSample> heaps(long... mib) {
        List<SoakSample> out = new ArrayList<>();
        for (int i = 0; i < mib.length; i++) {
            out.add(new SoakSample(
                    Duration.ofMinutes(i), List.of(new SoakSample.Server(7, 100_000, mib[i] * 1024, null)), COUNTS));
        }
        return out;
    }

    private static SoakVerdict verdict(List<SoakSample> samples, long lost, long duplicates, long errors) {
        return new SoakVerdict(samples, Duration.ofMinutes(2), 10, lost, duplicates, errors, List.of());
    }

    @Test
    void aFlatHeapAfterTheBaselinePassesWhateverItWasBefore() {
        SoakVerdict v = verdict(heaps(50, 30, 20, 21, 22), 0, 0, 0);
        assertThat(v.passed()).isTrue();
        assertThat(v.heaps).singleElement().satisfies(h -> {
            assertThat(h.baselineAt()).isEqualTo(Duration.ofMinutes(2));
            assertThat(h.growthPercent()).isEqualTo(10.0);
        });
    }

    @Test
    void growthPastTheLimitFails() {
        SoakVerdict v = verdict(heaps(20, 20, 20, 21, 23), 0, 0, 0);
        assertThat(v.passed()).isFalse();
        assertThat(v.failures).containsExactly("server 7: heap after GC grew 15.0% (more than 10%)");
    }

    @Test
    void lostDuplicatedAndErrorsEachFail() {
        assertThat(verdict(heaps(20, 20, 20, 20), 1, 0, 0).failures).containsExactly("1 lost");
        assertThat(verdict(heaps(20, 20, 20, 20), 0, 2, 0).failures).containsExactly("2 duplicated");
        assertThat(verdict(heaps(20, 20, 20, 20), 0, 0, 3).failures).containsExactly("3 errors");
    }

    @Test
    void aServerGoneFails() {
        SoakVerdict v = new SoakVerdict(heaps(20, 20, 20, 20), Duration.ofMinutes(2), 10, 0, 0, 0, List.of(7L));
        assertThat(v.failures).containsExactly("server 7 is gone");
    }

    @Test
    void anUnreadableHeapFailsRatherThanPassing() {
        List<SoakSample> samples = new ArrayList<>(heaps(20, 20, 20));
        samples.add(new SoakSample(
                Duration.ofMinutes(3), List.of(SoakSample.Server.unreadable(7, "cannot run jcmd")), COUNTS));
        assertThat(verdict(samples, 0, 0, 0).failures).containsExactly("server 7: heap after GC unknown");
    }

    @Test
    void noSampleAfterTheBaselineToCompareFails() {
        assertThat(verdict(heaps(20, 20), 0, 0, 0).failures)
                .containsExactly("server 7: no heap sample after the baseline to compare the end with");
    }

    @Test
    void withoutServersToWatchOnlyTheMessagesCount() {
        List<SoakSample> samples = List.of(new SoakSample(Duration.ZERO, List.of(), COUNTS));
        assertThat(verdict(samples, 0, 0, 0).passed()).isTrue();
    }
}

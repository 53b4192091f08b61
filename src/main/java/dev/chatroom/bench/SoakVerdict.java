package dev.chatroom.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a soak passed: nothing lost, nothing duplicated, no errors, every watched server alive
 * at the end, and each one's heap after GC at the end at most maxGrowthPercent above its value at
 * the baseline (the first sample at or after it: a server's heap grows while it warms up, so the
 * start is not the reference).
 */
final class SoakVerdict {
    /** One server's heap after GC at the baseline and at the end, and how much it grew. */
    record Heap(long pid, Duration baselineAt, long baselineKib, long endKib) {
        double growthPercent() {
            return (endKib - baselineKib) * 100.0 / baselineKib;
        }
    }

    final List<Heap> heaps = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    SoakVerdict(
            List<SoakSample> samples,
            Duration baseline,
            double maxGrowthPercent,
            long lost,
            long duplicates,
            long errors,
            List<Long> deadServers) {
        if (lost > 0) failures.add(lost + " lost");
        if (duplicates > 0) failures.add(duplicates + " duplicated");
        if (errors > 0) failures.add(errors + " errors");
        for (long pid : deadServers) failures.add("server " + pid + " is gone");
        if (samples.isEmpty()) return;
        SoakSample end = samples.get(samples.size() - 1);
        SoakSample base = samples.stream()
                .filter(s -> s.at().compareTo(baseline) >= 0)
                .findFirst()
                .orElse(null);
        for (int i = 0; i < end.servers().size(); i++) {
            long pid = end.servers().get(i).pid();
            if (base == null || base == end) {
                failures.add("server " + pid + ": no heap sample after the baseline to compare the end with");
                continue;
            }
            long b = base.servers().get(i).heapAfterGcKib();
            long e = end.servers().get(i).heapAfterGcKib();
            if (b <= 0 || e < 0) {
                failures.add("server " + pid + ": heap after GC unknown");
                continue;
            }
            Heap h = new Heap(pid, base.at(), b, e);
            heaps.add(h);
            if (h.growthPercent() > maxGrowthPercent)
                failures.add(String.format(
                        "server %d: heap after GC grew %.1f%% (more than %s%%)",
                        pid, h.growthPercent(), trim(maxGrowthPercent)));
        }
    }

    boolean passed() {
        return failures.isEmpty();
    }

    static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}

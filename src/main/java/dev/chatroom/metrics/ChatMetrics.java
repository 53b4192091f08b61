package dev.chatroom.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Our metrics ({@link ChatMetric}) for the client library's registry: at each scrape, one reading taken on the event
 * loop. When the loop does not answer in time there is no reading, and the scrape has the JVM's metrics only: a gap
 * in the graphs, where a stale value would hide that the server is stuck (/healthz says so too).
 */
final class ChatMetrics implements MultiCollector {
    /** The reading, or null when the loop did not give one in time. */
    private final Supplier<Readings> readings;

    ChatMetrics(Supplier<Readings> readings) {
        this.readings = readings;
    }

    @Override
    public MetricSnapshots collect() {
        Readings r = readings.get();
        if (r == null) return MetricSnapshots.of();
        List<MetricSnapshot> out = new ArrayList<>();
        for (ChatMetric m : ChatMetric.values()) {
            if (m.scope == ChatMetric.Scope.EVERY_SERVER || r.clustered()) out.add(snapshot(m, m.values(r)));
        }
        return new MetricSnapshots(out);
    }

    @Override
    public List<String> getPrometheusNames() {
        return Arrays.stream(ChatMetric.values()).map(ChatMetric::familyName).toList();
    }

    private static MetricSnapshot snapshot(ChatMetric m, Map<String, Long> values) {
        if (m.kind == ChatMetric.Kind.COUNTER) {
            CounterSnapshot.Builder b =
                    CounterSnapshot.builder().name(m.familyName()).help(m.help);
            values.forEach((label, v) -> b.dataPoint(CounterDataPointSnapshot.builder()
                    .labels(labels(m, label))
                    .value(v)
                    .build()));
            return b.build();
        }
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(m.familyName()).help(m.help);
        values.forEach((label, v) -> b.dataPoint(GaugeDataPointSnapshot.builder()
                .labels(labels(m, label))
                .value(v)
                .build()));
        return b.build();
    }

    private static Labels labels(ChatMetric m, String value) {
        return m.label == null ? Labels.EMPTY : Labels.of(m.label, value);
    }
}

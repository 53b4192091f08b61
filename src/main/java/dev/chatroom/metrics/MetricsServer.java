package dev.chatroom.metrics;

import dev.chatroom.config.HostPort;
import dev.chatroom.server.Hub;
import dev.chatroom.server.ServerAccess;
import dev.chatroom.server.net.Listeners;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The metrics setting: /metrics (ours, {@link ChatMetric}, and the JVM's), /healthz and /readyz ({@link Probes}) over
 * HTTP, served by the Prometheus client library's server on threads of its own. It reads the server only by asking
 * its event loop, with a second's patience.
 */
public final class MetricsServer implements AutoCloseable {
    /** How long the event loop has to answer a scrape or a probe. */
    static final long PATIENCE_MILLIS = 1000;

    private final HTTPServer http;
    private final HostPort address;

    private MetricsServer(HTTPServer http, HostPort address) {
        this.http = http;
        this.address = address;
    }

    /**
     * Serves at the address (port 0: any free one).
     *
     * @param outputQueued the bytes queued for clients, read on the loop
     * @param serving true once the server listens with its store open, false again once it is stopping
     */
    public static MetricsServer start(
            HostPort at, ServerAccess server, LongSupplier outputQueued, BooleanSupplier serving) throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new ChatMetrics(() ->
                ask(server, h -> h == null ? null : Readings.of(h, outputQueued.getAsLong()))));
        JvmMetrics.builder().register(registry);
        Probes probes = new Probes(
                () -> ask(server, h -> Boolean.TRUE) != null,
                () -> serving.getAsBoolean()
                        && Boolean.TRUE.equals(
                                ask(server, h -> h != null && h.replication().joined())));
        try {
            HTTPServer http = HTTPServer.builder()
                    .hostname(at.host())
                    .port(at.port())
                    .registry(registry)
                    .defaultHandler(probes)
                    .registerHealthHandler(false)
                    .buildAndStart();
            return new MetricsServer(http, new HostPort(at.host(), http.getPort()));
        } catch (IOException | RuntimeException e) {
            throw new IOException("Cannot serve metrics on " + at + ": " + Listeners.bindProblem(e), e);
        }
    }

    /** Where it serves, with the port it got. */
    public HostPort address() {
        return address;
    }

    /** f's result, run on the event loop; null when the loop did not answer in time or has stopped. */
    private static <T> T ask(ServerAccess server, Function<Hub, T> f) {
        try {
            return server.call(f).get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return null; // a stuck or stopped loop: the probe says so, the scrape goes without our metrics
        }
    }

    @Override
    public void close() {
        http.close();
    }
}

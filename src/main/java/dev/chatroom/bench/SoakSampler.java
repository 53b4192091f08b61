package dev.chatroom.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the watched servers during a soak, on a thread of its own (jcmd takes a second or two):
 * at the start, every interval, and once more at the end; each sample is printed as a row of the
 * table as it is taken, so a long run shows how it goes.
 */
final class SoakSampler implements AutoCloseable {
    private final List<Long> pids;
    private final Callable<SoakLedger.Counts> counts;
    private final PrintWriter out;
    private final HeapProbe heap = new HeapProbe();
    private final List<SoakSample> samples = new ArrayList<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "soak-sampler");
        t.setDaemon(true);
        return t;
    });
    private long startNanos;

    SoakSampler(List<Long> pids, Callable<SoakLedger.Counts> counts, PrintWriter out) {
        this.pids = pids;
        this.counts = counts;
        this.out = out;
    }

    /** Prints the header and takes a sample now and then every interval. */
    void start(Duration every) {
        startNanos = System.nanoTime();
        out.println(SoakSample.header(pids));
        out.flush();
        thread.scheduleAtFixedRate(this::sample, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the interval sampling (letting a sample under way finish) and takes the last one. */
    void stopAndSample() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(2, TimeUnit.MINUTES);
        sample();
    }

    synchronized List<SoakSample> samples() {
        return List.copyOf(samples);
    }

    private void sample() {
        Duration at = Duration.ofNanos(System.nanoTime() - startNanos);
        List<SoakSample.Server> servers = new ArrayList<>();
        for (long pid : pids) servers.add(server(pid));
        SoakLedger.Counts c;
        try {
            c = counts.call();
        } catch (Exception e) {
            c = new SoakLedger.Counts(-1, -1, -1, -1, -1);
        }
        SoakSample s = new SoakSample(at, servers, c);
        synchronized (this) {
            samples.add(s);
        }
        out.println(s.row());
        for (SoakSample.Server v : servers) {
            if (v.problem() != null) out.println("  (server " + v.pid() + ": " + v.problem() + ")");
        }
        out.flush();
    }

    private SoakSample.Server server(long pid) {
        long rss;
        try {
            rss = new ProcessProbe(pid).rssKib();
        } catch (IOException | RuntimeException gone) {
            return SoakSample.Server.unreadable(pid, "no such process");
        }
        try {
            return new SoakSample.Server(pid, rss, heap.usedAfterGcKib(pid), null);
        } catch (IOException e) {
            return new SoakSample.Server(pid, rss, -1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SoakSample.Server(pid, rss, -1, "interrupted");
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}

package dev.chatroom.bench;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the server during a run: its CPU time on demand, and its peak resident memory, sampled
 * every second on a thread of its own so the generator's event loop never waits for /proc.
 */
final class ProcessWatch implements AutoCloseable {
    private final ProcessProbe probe;
    private final AtomicLong peakRssKib = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-rss-sampler");
        t.setDaemon(true);
        return t;
    });

    ProcessWatch(long pid) {
        this.probe = new ProcessProbe(pid);
        sampler.scheduleAtFixedRate(this::sampleRss, 0, 1, TimeUnit.SECONDS);
    }

    private void sampleRss() {
        try {
            long rss = probe.rssKib();
            peakRssKib.accumulateAndGet(rss, Math::max);
        } catch (IOException | RuntimeException gone) {
            // the process ended or became a zombie; the liveness check reports it
        }
    }

    /** CPU time so far in milliseconds, or -1 when the process is gone. */
    long cpuMillis() {
        try {
            return probe.cpuMillis();
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    boolean alive() {
        return probe.alive();
    }

    /** The resident size now (MiB), or -1 when the process is gone. */
    double rssMib() {
        try {
            return probe.rssKib() / 1024.0;
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    /** The largest resident size seen so far, including one sample taken now. */
    double peakRssMib() {
        sampleRss();
        return peakRssKib.get() / 1024.0;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}

package dev.chatroom.bench;

import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Waits for a phase of a run, printing progress to stderr every second. */
final class Progress {
    private Progress() {}

    static void await(CompletableFuture<?> f, PrintWriter err, Supplier<String> status, long timeoutSeconds)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        long started = System.nanoTime();
        while (true) {
            try {
                f.get(1, TimeUnit.SECONDS);
                return;
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) return; // the report will say who did not make it
                err.printf("  %4.0f s  %s%n", (System.nanoTime() - started) / 1e9, status.get());
                err.flush();
            }
        }
    }
}

package dev.chatroom.bench;

import dev.chatroom.config.Values;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The end of a soak: what was done, what the observers got, each server's heap after GC at the
 * baseline and at the end, the first problems, and the verdict. Made on the generator's event
 * loop (it reads the observers' counts), printed from anywhere.
 */
final class SoakReport {
    private final Report report = new Report("soak results");
    private final SoakVerdict verdict;
    private final List<String> problems;
    private final long errors;

    SoakReport(
            Soak.Settings s,
            SoakLedger ledger,
            List<SoakObserver> observers,
            List<SoakSample> samples,
            boolean quitInTime,
            boolean drained) {
        long lost = lost(ledger, observers);
        long duplicates = ledger.duplicates;
        long extra = 0;
        long received = 0;
        for (SoakObserver o : observers) {
            received += o.receivedTotal();
            for (int t = 0; t < ledger.targets(); t++) {
                if (o.hears(t)) extra += Math.max(0, o.received[t] - ledger.confirmed(t));
            }
        }
        long expected = expected(ledger, observers);
        long errors = ledger.errors;
        List<String> problems = new ArrayList<>(ledger.firstProblems);
        if (!quitInTime) {
            errors++;
            problems.add("the crowd did not quit within 30 s of the end");
        }
        if (!drained) problems.add("the observers were still missing messages 30 s after the end");
        List<Long> dead = new ArrayList<>();
        for (long pid : s.serverPids()) if (!new ProcessProbe(pid).alive()) dead.add(pid);
        verdict = new SoakVerdict(samples, s.baseline(), s.maxHeapGrowthPercent(), lost, duplicates, errors, dead);
        this.problems = problems;
        this.errors = errors;
        report.put("duration", Values.format(s.duration()))
                .put("connections", ledger.connections)
                .put("accounts registered", ledger.registrations)
                .put("logins (SASL)", ledger.logins)
                .put("messages sent", ledger.sent)
                .put("messages confirmed (echoed)", ledger.confirmedTotal())
                .put("expected at observers", expected)
                .put("received at observers", received)
                .put("lost", lost)
                .put("duplicated", duplicates)
                .put("received unconfirmed", extra)
                .put("errors", errors);
        for (SoakVerdict.Heap h : verdict.heaps) {
            String id = "server " + h.pid() + " ";
            report.put(id + "baseline sample at", SoakSample.clock(h.baselineAt()))
                    .put(id + "heap after GC at the baseline (MiB)", h.baselineKib() / 1024.0)
                    .put(id + "heap after GC at the end (MiB)", h.endKib() / 1024.0)
                    .put(id + "heap growth (%)", h.growthPercent());
        }
        report.put("verdict", verdict.passed() ? "pass" : "FAIL: " + String.join(", ", verdict.failures));
    }

    /** The confirmed messages observers have not received (yet). */
    static long lost(SoakLedger ledger, List<SoakObserver> observers) {
        long lost = 0;
        for (SoakObserver o : observers) {
            for (int t = 0; t < ledger.targets(); t++) {
                if (o.hears(t)) lost += Math.max(0, ledger.confirmed(t) - o.received[t]);
            }
        }
        return lost;
    }

    private static long expected(SoakLedger ledger, List<SoakObserver> observers) {
        long n = 0;
        for (SoakObserver o : observers) {
            for (int t = 0; t < ledger.targets(); t++) if (o.hears(t)) n += ledger.confirmed(t);
        }
        return n;
    }

    /** Prints the results and writes them as JSON when asked; returns the exit status. */
    int print(PrintWriter out, Path json) throws IOException {
        report.print(out);
        if (!problems.isEmpty()) {
            out.println("first problems" + (errors > problems.size() ? " (of " + errors + ")" : "") + ":");
            problems.forEach(p -> out.println("  " + p));
        }
        out.flush();
        if (json != null) report.writeJson(json);
        return verdict.passed() ? 0 : 1;
    }
}

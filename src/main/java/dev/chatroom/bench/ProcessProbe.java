package dev.chatroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory and CPU time of another process, from /proc (Linux). */
final class ProcessProbe {
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final long pid;

    ProcessProbe(long pid) {
        this.pid = pid;
    }

    /** Resident set size in KiB. */
    long rssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        throw new IOException("no VmRSS for process " + pid);
    }

    /** User + system CPU time in milliseconds. */
    long cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
        return ticks * 1000 / TICKS_PER_SECOND;
    }
}

package dev.chatroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory, CPU time and liveness of a process, from /proc (Linux). */
final class ProcessProbe {
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final long pid;

    ProcessProbe(long pid) {
        this.pid = pid;
    }

    /** This JVM: the generator measures its own cost the same way it measures the server's. */
    static ProcessProbe self() {
        return new ProcessProbe(ProcessHandle.current().pid());
    }

    long pid() {
        return pid;
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
        String[] f = statFields();
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** Whether the process still runs: it exists and is not a zombie waiting for its parent to reap it. */
    boolean alive() {
        try {
            char state = statFields()[0].charAt(0);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The fields of /proc/PID/stat after the command name, which may itself contain spaces and parentheses. */
    private String[] statFields() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }
}

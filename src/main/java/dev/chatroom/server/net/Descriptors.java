package dev.chatroom.server.net;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The process's open-file limit. Every connection is a file descriptor; past the limit,
 * accepting fails and so does anything else that opens a file (a log write, a class load).
 * So the server takes no more connections than the limit leaves room for, with a reserve for
 * the listener, the log, the jar and the refusals it still has to send.
 */
public final class Descriptors {
    static final int RESERVE = 64;

    private Descriptors() {}

    /** The most connections this process can hold: the configured number, or fewer if the limit says so. */
    public static int maxClients(int configured) {
        long limit = limit();
        if (limit <= 0) return configured;
        long room = limit - open() - RESERVE;
        return (int) Math.max(1, Math.min(configured, room));
    }

    /** The open-file limit (RLIMIT_NOFILE), or -1 when the platform does not say. */
    public static long limit() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) return unix.getMaxFileDescriptorCount();
        return -1;
    }

    /** Whether the failure is for want of a descriptor: EMFILE (this process's limit) or ENFILE (the system's). */
    static boolean exhausted(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.toLowerCase(Locale.ROOT).contains("too many open files")) return true;
        }
        return false;
    }

    /**
     * Loads now what would otherwise need a descriptor when there is none: the time-zone database, read
     * the first time a line of java.util.logging is formatted (Netty and the JDK's HTTP server log through it).
     */
    static void preload() {
        ZoneId.systemDefault().getRules();
    }

    private static long open() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) return unix.getOpenFileDescriptorCount();
        return 0;
    }
}

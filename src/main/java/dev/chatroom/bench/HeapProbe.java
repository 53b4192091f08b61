package dev.chatroom.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap a JVM process still uses after a full garbage collection: what it really keeps, without
 * the garbage that happens to wait for the next collection. Asks the process with the JDK's
 * {@code jcmd} ({@code GC.run}, then {@code GC.heap_info}), so it needs a JDK and the process's
 * user; works with the collectors whose heap_info says "total ...K, used ...K" per space (serial,
 * parallel, G1). Takes the smallest of {@link #READINGS} readings two seconds apart: what is live for
 * a moment only (a password being hashed holds 19 MiB) is not what the process keeps, and is gone
 * from one of them, while what it keeps is in all.
 */
final class HeapProbe {
    /** "def new generation   total 19648K, used 1234K [...", "garbage-first heap   total 65536K, used 2345K [...". */
    private static final Pattern USED = Pattern.compile("^ \\S.*\\btotal \\d+K, used (\\d+)K");

    private static final long TIMEOUT_SECONDS = 60;
    static final int READINGS = 3;

    private final String jcmd;

    HeapProbe() {
        Path beside = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        this.jcmd = Files.isExecutable(beside) ? beside.toString() : "jcmd";
    }

    /** Collects the garbage of process pid, then reads its heap in use, READINGS times two seconds apart; the smallest, in KiB. */
    long usedAfterGcKib(long pid) throws IOException, InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < READINGS; i++) {
            if (i > 0) Thread.sleep(2000);
            run(pid, "GC.run");
            least = Math.min(least, usedKib(run(pid, "GC.heap_info")));
        }
        return least;
    }

    /** The sum of the "used" of the heap's spaces in jcmd's GC.heap_info output (Metaspace is not heap). */
    static long usedKib(String heapInfo) throws IOException {
        long used = 0;
        boolean found = false;
        for (String line : heapInfo.split("\n")) {
            Matcher m = USED.matcher(line);
            if (m.find()) {
                used += Long.parseLong(m.group(1));
                found = true;
            }
        }
        if (!found) throw new IOException("no heap sizes in jcmd GC.heap_info's answer: " + heapInfo.strip());
        return used;
    }

    private String run(long pid, String command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(List.of(jcmd, Long.toString(pid), command))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new IOException("cannot run jcmd (it comes with a JDK): " + e.getMessage(), e);
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("jcmd " + pid + " " + command + " did not finish");
        }
        if (p.exitValue() != 0) throw new IOException("jcmd " + pid + " " + command + ": " + out.strip());
        return out;
    }
}

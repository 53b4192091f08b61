package dev.chatroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Reading another process from /proc (Linux only, like the benchmark). */
@EnabledOnOs(OS.LINUX)
class ProcessProbeTest {
    @Test
    void seesThisProcessRunningWithMemoryAndCpu() throws Exception {
        ProcessProbe self = ProcessProbe.self();
        assertThat(self.alive()).isTrue();
        assertThat(self.rssKib()).isPositive();
        assertThat(self.cpuMillis()).isPositive();
    }

    @Test
    void aProcessThatExitedIsNotAlive() throws Exception {
        Process p = new ProcessBuilder("true").start();
        long pid = p.pid();
        p.waitFor(); // reaped: its /proc entry is gone
        assertThat(new ProcessProbe(pid).alive()).isFalse();
    }

    @Test
    void aWatchReportsAPeakAndStopsQuietlyWhenTheProcessIsGone() throws Exception {
        try (ProcessWatch watch = new ProcessWatch(ProcessHandle.current().pid())) {
            assertThat(watch.peakRssMib()).isPositive();
            assertThat(watch.cpuMillis()).isPositive();
        }
        Process p = new ProcessBuilder("true").start();
        long pid = p.pid();
        p.waitFor();
        try (ProcessWatch gone = new ProcessWatch(pid)) {
            assertThat(gone.cpuMillis()).isEqualTo(-1);
            assertThat(gone.alive()).isFalse();
        }
    }
}

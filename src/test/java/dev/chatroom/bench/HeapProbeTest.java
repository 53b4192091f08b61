package dev.chatroom.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Reading jcmd's GC.heap_info: the heap's spaces are summed, Metaspace is not heap. */
class HeapProbeTest {
    @Test
    void sumsTheSerialCollectorsGenerations() throws IOException {
        String serial = """
                27767:
                 def new generation   total 116224K, used 512K [0x0000000687400000, 0x000000068f210000, 0x0000000704d50000)
                  eden space 103360K,   0% used [0x0000000687400000, 0x0000000687400000, 0x000000068d8f0000)
                  from space 12864K,   3% used [0x000000068d8f0000, 0x000000068d8f0000, 0x000000068e580000)
                  to   space 12864K,   0% used [0x000000068e580000, 0x000000068e580000, 0x000000068f210000)
                 tenured generation   total 258048K, used 10216K [0x0000000704d50000, 0x0000000714950000, 0x0000000800000000)
                   the space 258048K,   3% used [0x0000000704d50000, 0x000000070574a3e8, 0x000000070574a400, 0x0000000714950000)
                 Metaspace       used 128K, committed 320K, reserved 1114112K
                  class space    used 4K, committed 128K, reserved 1048576K
                """;
        assertThat(HeapProbe.usedKib(serial)).isEqualTo(512 + 10216);
    }

    @Test
    void readsG1sOneHeap() throws IOException {
        String g1 = """
                27837:
                 garbage-first heap   total 397312K, used 14067K [0x0000000687400000, 0x0000000800000000)
                  region size 4096K, 3 young (12288K), 0 survivors (0K)
                 Metaspace       used 74K, committed 320K, reserved 1114112K
                """;
        assertThat(HeapProbe.usedKib(g1)).isEqualTo(14067);
    }

    @Test
    void anAnswerWithoutHeapSizesIsAnErrorNotZero() {
        assertThatThrownBy(
                        () -> HeapProbe.usedKib("4242:\n ZHeap           used 12M, capacity 64M, max capacity 1024M\n"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no heap sizes");
    }

    @Test
    void measuresARunningJvmThisOne() throws Exception {
        long kib = new HeapProbe().usedAfterGcKib(ProcessHandle.current().pid());
        assertThat(kib).isPositive().isLessThan(Runtime.getRuntime().maxMemory() / 1024);
    }
}

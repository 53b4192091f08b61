package dev.chatroom.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The read-splitting header: a wrong cut would make corpus files mean something else than they say. */
class FuzzInputTest {
    private static List<String> reads(byte[] data) {
        return FuzzInput.of(data).reads().stream()
                .map(r -> new String(r, StandardCharsets.ISO_8859_1))
                .toList();
    }

    @Test
    void plainInputIsOneRead() {
        assertThat(reads("PING :x\r\n".getBytes(StandardCharsets.US_ASCII))).containsExactly("PING :x\r\n");
    }

    @Test
    void headerCutsThePayloadIntoReads() {
        byte[] data = {FuzzInput.SPLIT, 2, 0, 2, 0, 3, 'a', 'b', 'c', 'd', 'e', 'f', 'g'};
        assertThat(reads(data)).containsExactly("ab", "cde", "fg");
    }

    @Test
    void sizesPastTheEndTakeTheRestAndEmptyReadsAreSkipped() {
        byte[] data = {FuzzInput.SPLIT, 3, 0, 0, (byte) 0xff, (byte) 0xff, 0, 1, 'a', 'b'};
        assertThat(reads(data)).containsExactly("ab");
    }

    @Test
    void aTruncatedHeaderSendsNothingRatherThanHeaderBytes() {
        assertThat(reads(new byte[] {FuzzInput.SPLIT, 5, 0})).isEmpty();
    }
}

package dev.chatroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines found in place, whatever the reads cut them into. */
class LineSplitterTest {
    private final LineSplitter splitter = new LineSplitter(64);
    private final List<String> lines = new ArrayList<>();
    private final LineSplitter.Sink sink =
            (buf, start, end) -> lines.add(buf.toString(start, end - start, StandardCharsets.US_ASCII));

    private List<String> feed(String... reads) {
        for (String r : reads) {
            ByteBuf in = Unpooled.copiedBuffer(r, StandardCharsets.US_ASCII);
            splitter.split(in, sink);
            assertThat(in.isReadable()).as("every read is consumed").isFalse();
            in.release();
        }
        return lines;
    }

    @Test
    void acceptsCrlfAndBareLf() {
        assertThat(feed("PING :a\r\n:s 001 n :hi\nPRIVMSG #c :x\r\n"))
                .containsExactly("PING :a", ":s 001 n :hi", "PRIVMSG #c :x");
    }

    @Test
    void joinsALineCutAcrossReads() {
        assertThat(feed("PING :a\r\nPRIV", "MSG #c", " :x\r", "\n:s 366 n #c :End\r\n"))
                .containsExactly("PING :a", "PRIVMSG #c :x", ":s 366 n #c :End");
    }

    @Test
    void sameLinesWhenEveryByteIsItsOwnRead() {
        String stream = "PING :a\r\n:s 001 n :hi\nPRIVMSG #c :1 2 3 xx\r\n";
        String[] bytes = stream.split("");
        assertThat(feed(bytes)).containsExactly("PING :a", ":s 001 n :hi", "PRIVMSG #c :1 2 3 xx");
    }

    @Test
    void keepsAnUnterminatedTailUntilItsLf() {
        assertThat(feed("PING :a\r\nPING :b")).containsExactly("PING :a");
        assertThat(feed("\r\n")).containsExactly("PING :a", "PING :b");
    }

    @Test
    void readsOnlyTheBufferReadableBytes() {
        ByteBuf in = Unpooled.copiedBuffer("junkPING :a\r\n", StandardCharsets.US_ASCII);
        in.readerIndex(4);
        splitter.split(in, sink);
        in.release();
        assertThat(lines).containsExactly("PING :a");
    }

    @Test
    void skipsAnOverlongLineInOneReadAndReadsTheNext() {
        assertThat(feed("x".repeat(100) + "\r\nPING :after\r\n")).containsExactly("PING :after");
    }

    @Test
    void skipsAnOverlongLineCutAcrossReadsAndReadsTheNext() {
        assertThat(feed("PING :a\r\n" + "x".repeat(40), "x".repeat(40), "x".repeat(40) + "\r\nPING :after\r\n"))
                .containsExactly("PING :a", "PING :after");
    }

    @Test
    void emptyLinesReachTheSinkAsEmptyRanges() {
        assertThat(feed("\r\n\nPING :a\n")).containsExactly("", "", "PING :a");
    }
}

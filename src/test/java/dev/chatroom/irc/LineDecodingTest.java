package dev.chatroom.irc;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The framer and line decoder together, without sockets. */
class LineDecodingTest {
    private final EmbeddedChannel ch =
            new EmbeddedChannel(new IrcFrameDecoder(IrcLineDecoder.MAX_LINE), new IrcLineDecoder());

    @AfterEach
    void finish() {
        ch.finishAndReleaseAll();
    }

    private List<Object> feed(String... chunks) {
        for (String c : chunks) ch.writeInbound(Unpooled.copiedBuffer(c, StandardCharsets.ISO_8859_1));
        return drain();
    }

    private List<Object> feedBytes(byte[] bytes) {
        ch.writeInbound(Unpooled.wrappedBuffer(bytes));
        return drain();
    }

    private List<Object> drain() {
        List<Object> out = new ArrayList<>();
        Object o;
        while ((o = ch.readInbound()) != null) out.add(o instanceof Message m ? m.toString() : o);
        return out;
    }

    @Test
    void acceptsCrlfAndBareLfAndSplitReads() {
        assertThat(feed("NICK a\r\nUSER a 0 * :A\nPI", "NG :x\r", "\n"))
                .containsExactly("NICK a", "USER a 0 * :A", "PING :x");
    }

    @Test
    void ignoresBlankLines() {
        assertThat(feed("\r\n\n   \r\nPING x\r\n")).containsExactly("PING x");
    }

    @Test
    void keepsAnUnterminatedTailUntilItsLf() {
        assertThat(feed("PING a\r\nPING b")).containsExactly("PING a");
        assertThat(feed("\r\n")).containsExactly("PING b");
    }

    @Test
    void bodyOf510BytesPassesAnd511IsTooLongAndTheNextLineStillArrives() {
        String ok = "PRIVMSG #a :" + "x".repeat(510 - "PRIVMSG #a :".length());
        String tooLong = ok + "y";
        assertThat(feed(ok + "\r\n")).containsExactly(ok);
        assertThat(feed(tooLong + "\r\nPING after\r\n")).containsExactly(LineError.TOO_LONG, "PING after");
    }

    @Test
    void hugeLineWithoutLfIsDiscardedOnceAndReadingResumesAfterItsLf() {
        String chunk = "A".repeat(4000);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < 5; i++) out.addAll(feed(chunk));
        out.addAll(feed("tail of the long line\r\nPING ok\r\n"));
        assertThat(out).containsExactly(LineError.TOO_LONG, "PING ok");
    }

    @Test
    void aClientMaySendUpTo4094BytesOfTagData() {
        String tags = "@+x=" + "v".repeat(4094 - "+x=".length()) + " ";
        assertThat(tags).hasSize(4096);
        List<Object> ok = feed(tags + "TAGMSG #a\r\n");
        assertThat(ok).hasSize(1);
        assertThat(ok.get(0)).isInstanceOf(String.class);
        String tooMany = "@+x=" + "v".repeat(4094 - "+x=".length() + 1) + " ";
        assertThat(feed(tooMany + "TAGMSG #a\r\nPING ok\r\n")).containsExactly(LineError.TOO_LONG, "PING ok");
    }

    @Test
    void aServerMaySendUpTo8191BytesOfTags() {
        EmbeddedChannel lenient =
                new EmbeddedChannel(new IrcFrameDecoder(IrcLineDecoder.MAX_LINE), new IrcLineDecoder(true));
        String tags = "@+x=" + "v".repeat(8191 - "@+x= ".length()) + " ";
        lenient.writeInbound(Unpooled.copiedBuffer(tags + "TAGMSG #a\r\n", StandardCharsets.UTF_8));
        assertThat((Object) lenient.readInbound()).isInstanceOf(Message.class);
        String tooMany = "@+x=" + "v".repeat(8191 - "@+x= ".length() + 1) + " ";
        lenient.writeInbound(Unpooled.copiedBuffer(tooMany + "TAGMSG #a\r\n", StandardCharsets.UTF_8));
        assertThat((Object) lenient.readInbound()).isEqualTo(LineError.TOO_LONG);
    }

    @Test
    void invalidUtf8IsReportedAndTheNextLineStillArrives() {
        byte[] bad = "PRIVMSG #a :\u00ff\u00fe broken\r\nPING ok\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(feedBytes(bad)).containsExactly(LineError.INVALID_UTF8, "PING ok");
    }

    @Test
    void overlongUtf8EncodingIsInvalid() {
        byte[] overlong = {'P', 'I', 'N', 'G', ' ', (byte) 0xC0, (byte) 0xAF, '\n'};
        assertThat(feedBytes(overlong)).containsExactly(LineError.INVALID_UTF8);
    }

    @Test
    void validUtf8AndEmojiPassUnchanged() {
        String text = "PRIVMSG #a :héllo 😀 日本";
        ch.writeInbound(Unpooled.copiedBuffer(text + "\r\n", StandardCharsets.UTF_8));
        assertThat(drain()).containsExactly(text);
    }

    @Test
    void nulAndLoneCrAreRefused() {
        assertThat(feed("PRIVMSG #a :nul\u0000here\r\nPRIVMSG #a :cr\rhere\r\nPING ok\r\n"))
                .containsExactly(LineError.FORBIDDEN_CHARACTER, LineError.FORBIDDEN_CHARACTER, "PING ok");
    }
}

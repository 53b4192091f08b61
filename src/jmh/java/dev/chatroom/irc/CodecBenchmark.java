package dev.chatroom.irc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The codec's cost per line: parse, format, and the server's decode of a framed line.
 * Run with: mvn -B -Pjmh test-compile exec:exec (see docs/PERFORMANCE.md); never in CI.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {
    private static final String PRIVMSG =
            "PRIVMSG #chatroom :hello everyone, this is a typical chat line of moderate length";
    private static final String TAGGED =
            "@time=2026-11-24T10:02:33.123Z;+draft/reply=abc :alice!~alice@127.0.0.1 " + PRIVMSG;
    private final IrcLineDecoder decoder = new IrcLineDecoder();
    private final ByteBuf line = Unpooled.copiedBuffer(PRIVMSG, StandardCharsets.UTF_8);
    private final Message message = Message.trailing(
            "alice!~alice@127.0.0.1",
            "PRIVMSG",
            "#chatroom",
            "hello everyone, this is a typical chat line of moderate length");

    @Benchmark
    public Message parsePlain() {
        return Message.parse(PRIVMSG);
    }

    @Benchmark
    public Message parseWithTags() {
        return Message.parse(TAGGED);
    }

    @Benchmark
    public String format() {
        return message.toStringWithoutTags();
    }

    @Benchmark
    public Object decodeFramedLine() {
        return decoder.decode(line);
    }
}

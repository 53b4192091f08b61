package dev.chatroom.attach;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Lines of UTF-8 over a socket channel, read by one thread and written by another. (The streams
 * of {@code Channels} would make a write wait for a blocked read: they share the channel's lock.)
 */
final class LineChannel implements AutoCloseable {
    /** Longer lines are cut here: no console line or answer line comes near it. */
    private static final int MAX_LINE = 64 * 1024;

    private final SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(8192).flip();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineChannel(SocketChannel channel) {
        this.channel = channel;
    }

    /** The next line, without its end; null at the end of the stream. */
    String readLine() throws IOException {
        line.reset();
        while (true) {
            if (!in.hasRemaining()) {
                in.clear();
                int n = channel.read(in);
                in.flip();
                if (n < 0) return line.size() == 0 ? null : text();
            }
            while (in.hasRemaining()) {
                byte b = in.get();
                if (b == '\n') return text();
                if (line.size() < MAX_LINE) line.write(b);
            }
        }
    }

    private String text() {
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** Writes the line and its end, all of it. */
    void writeLine(String text) throws IOException {
        ByteBuffer out = ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) channel.write(out);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

package dev.chatroom.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fuzzer's bytes as the socket reads they arrive in. Plain inputs (the hand-written seeds)
 * arrive in one read. An input starting with {@link #SPLIT} carries a header saying where the
 * reads end, so the fuzzer can also cut lines, CRLFs and over-long lines across reads, which
 * is where the framer keeps state:
 *
 * <pre>0x01, n (low 4 bits), n big-endian 16-bit read sizes, then the bytes to send</pre>
 *
 * A size past the end just takes the rest; the last read is whatever the sizes leave.
 */
record FuzzInput(List<byte[]> reads) {
    static final byte SPLIT = 0x01;

    static FuzzInput of(byte[] data) {
        if (data.length < 2 || data[0] != SPLIT) return new FuzzInput(List.of(data));
        int sizes = data[1] & 0x0f;
        int payload = Math.min(data.length, 2 + 2 * sizes);
        List<byte[]> reads = new ArrayList<>();
        int pos = payload;
        for (int h = 2; h + 1 < payload; h += 2) {
            int size = ((data[h] & 0xff) << 8) | (data[h + 1] & 0xff);
            int end = Math.min(data.length, pos + size);
            if (end > pos) reads.add(Arrays.copyOfRange(data, pos, end));
            pos = end;
        }
        if (pos < data.length) reads.add(Arrays.copyOfRange(data, pos, data.length));
        return new FuzzInput(List.copyOf(reads));
    }

    /** The bytes sent, printable, for failure messages: CR, LF and other controls escaped, long inputs cut. */
    String describe() {
        StringBuilder sb = new StringBuilder("\"");
        int total = 0;
        for (byte[] read : reads) {
            if (total > 0) sb.append("\" | \"");
            for (byte b : read) {
                if (total++ == 160) {
                    int all = reads.stream().mapToInt(r -> r.length).sum();
                    return sb.append("...\" (")
                            .append(all)
                            .append(" bytes in ")
                            .append(reads.size())
                            .append(" reads)")
                            .toString();
                }
                int c = b & 0xff;
                switch (c) {
                    case '\r' -> sb.append("\\r");
                    case '\n' -> sb.append("\\n");
                    case '\\' -> sb.append("\\\\");
                    case '"' -> sb.append("\\\"");
                    default -> {
                        if (c < 0x20 || c >= 0x7f) sb.append(String.format("\\x%02x", c));
                        else sb.append((char) c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}

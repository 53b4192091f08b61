package dev.chatroom.bench;

import dev.chatroom.irc.Message;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One connection of the history benchmarks. Asks for its capabilities one by one (so one the
 * server lacks does not cost the others), registers, answers PINGs, and hands every other line
 * to its current {@link Listener}, parsed, except room messages arriving live: at the store
 * benchmark's rates those are only counted, without being parsed. A message inside a batch
 * (history) is handed on. All methods run on the client's event loop.
 */
final class HistoryClient extends LineClient {
    /** Receives the lines a scenario waits for; swapped between the phases of a run. */
    interface Listener {
        /** m arrived in a read that came at {@code nanos} (System.nanoTime). */
        void line(HistoryClient c, Message m, long nanos);

        void closed(HistoryClient c);
    }

    private static final byte[] BATCH_TAG = "batch=".getBytes(StandardCharsets.US_ASCII);

    final int index;
    final String nick;
    private final List<String> caps;
    private final String password;
    final Set<String> acked = new HashSet<>();
    Listener listener;
    /** Room messages that came outside any batch: live, or replayed as plain lines to a client without batch. */
    long unbatchedPrivmsgs;

    private long readNanos;

    HistoryClient(int index, String nick, List<String> caps, String password, Listener listener) {
        this.index = index;
        this.nick = nick;
        this.caps = caps;
        this.password = password;
        this.listener = listener;
    }

    @Override
    void opened() {
        for (String cap : caps) send("CAP REQ :" + cap);
        if (!caps.isEmpty()) send("CAP END");
        register(password, nick, "chatroom bench");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        readNanos = System.nanoTime();
        super.channelRead(ctx, msg);
    }

    @Override
    void line(ByteBuf b, int start, int end) {
        if (end <= start) return;
        int p = start;
        boolean batched = false;
        if (b.getByte(p) == '@') {
            int space = b.indexOf(p, end, (byte) ' ');
            if (space < 0) return;
            batched = hasBatchTag(b, p, space);
            p = space + 1;
        }
        if (!batched && b.getByte(p) == ':') {
            int space = b.indexOf(p, end, (byte) ' ');
            if (space > 0 && privmsg(b, space, end)) {
                unbatchedPrivmsgs++;
                return;
            }
        }
        Message m;
        try {
            m = Message.parse(b.toString(start, end - start, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return; // not IRC; nothing a scenario waits for
        }
        if (m.command().equals("CAP")) {
            if (m.params().size() >= 3 && m.param(1).equals("ACK")) {
                for (String cap : m.param(2).trim().split(" +")) acked.add(cap);
            }
        } else {
            listener.line(this, m, readNanos);
        }
    }

    /** Whether the tags in bytes {@code [at, to)} (starting with '@') include batch=. */
    private static boolean hasBatchTag(ByteBuf b, int at, int to) {
        for (int i = at; i + BATCH_TAG.length < to; i++) {
            byte c = b.getByte(i);
            if (c != '@' && c != ';') continue;
            boolean match = true;
            for (int k = 0; k < BATCH_TAG.length && match; k++) match = b.getByte(i + 1 + k) == BATCH_TAG[k];
            if (match) return true;
        }
        return false;
    }

    @Override
    void closed() {
        listener.closed(this);
    }
}

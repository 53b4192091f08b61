package dev.chatroom.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Counts which of a store run's messages the server's history holds: every room read page by
 * page with {@code CHATHISTORY AFTER}, from just before the run began, each message recognised
 * by its text (sender and sequence number), each one counted once. Runs on the generator's thread.
 */
final class StoredCount {
    /** The most messages one CHATHISTORY request asks for; our server's ISUPPORT CHATHISTORY. */
    static final int PAGE = 1000;

    private final long[] sent;
    private final int rooms;
    private final BitSet[] seen;
    private final Payload payload = new Payload();
    long stored;
    long duplicates;
    /** Messages in the rooms since the run began that are not this run's (another generator, a person). */
    long foreign;
    /** Reactions (TAGMSGs) read back: not counted as messages. */
    long reactions;

    long pages;
    String failure;
    private int roomsLeft;

    /** sent[i]: how many messages sender i sent, to room i % rooms. */
    StoredCount(long[] sent, int rooms) {
        this.sent = sent;
        this.rooms = rooms;
        this.seen = new BitSet[sent.length];
        for (int i = 0; i < sent.length; i++) seen[i] = new BitSet((int) Math.min(sent[i], Integer.MAX_VALUE));
    }

    long sentTotal() {
        long n = 0;
        for (long s : sent) n += s;
        return n;
    }

    /** Reads every room on counters.get(r) (a client in room r); completes when all rooms are read or one failed. */
    CompletableFuture<Void> start(List<HistoryClient> counters, List<String> roomNames, long afterMillis) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        roomsLeft = rooms;
        String from = "timestamp=" + Instant.ofEpochMilli(afterMillis);
        for (int r = 0; r < rooms; r++) page(counters.get(r), r, roomNames.get(r), from, done);
        return done;
    }

    private void page(HistoryClient c, int room, String name, String from, CompletableFuture<Void> done) {
        HistoryRequest.ask(c, "AFTER " + name + " " + from + " " + PAGE, new HistoryRequest.Answer() {
            @Override
            public void answered(HistoryClient c, List<HistoryRequest.Entry> messages, long nanos) {
                pages++;
                for (HistoryRequest.Entry e : messages) count(room, e.text());
                String last = messages.isEmpty()
                        ? null
                        : messages.get(messages.size() - 1).msgid();
                if (messages.size() >= PAGE && last != null) {
                    page(c, room, name, "msgid=" + last, done);
                } else if (--roomsLeft == 0) {
                    done.complete(null);
                }
            }

            @Override
            public void failed(HistoryClient c, String why) {
                if (failure == null) failure = "reading " + name + ": " + why;
                done.complete(null);
            }
        });
    }

    private void count(int room, String text) {
        if (text.isEmpty()) {
            reactions++;
            return;
        }
        ByteBuf b = Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8));
        if (!payload.parse(b, 0, b.writerIndex())) {
            foreign++;
            return;
        }
        int sender = payload.sender();
        long seq = payload.seq();
        if (sender >= sent.length || sender % rooms != room || seq >= sent[sender]) {
            foreign++;
        } else if (seen[sender].get((int) seq)) {
            duplicates++;
        } else {
            seen[sender].set((int) seq);
            stored++;
        }
    }

    /** The first sender none of whose last message is stored, for the report; -1 when every sender's last one is. */
    int firstSenderWithoutItsLast() {
        for (int i = 0; i < sent.length; i++) {
            if (sent[i] > 0 && !seen[i].get((int) (sent[i] - 1))) return i;
        }
        return -1;
    }
}

package dev.chatroom.bench;

import dev.chatroom.irc.Message;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A client of the soak that stays in every room for the whole run and must receive every message
 * the server confirmed to the rooms, and every private message confirmed to it, exactly once and
 * in each sender's order. Runs on the generator's event loop.
 */
final class SoakObserver extends LineClient {
    final String nick;
    private final String password;
    private final String rooms;
    private final int roomCount;
    private final long runStartNanos;
    private final SoakLedger ledger;
    private final Runnable ready;
    /** Per target (see {@link SoakLedger}), per sender: the last seq received; a sender's messages come in order. */
    private final long[][] lastSeq;

    final long[] received;
    long duplicates;
    private int joined;
    private boolean quitting;

    /** Hears rooms and private messages from senders 0..senders-1; ready runs once it is in every room. */
    SoakObserver(
            String nick,
            String password,
            List<String> rooms,
            SoakLedger ledger,
            int senders,
            long runStartNanos,
            Runnable ready) {
        this.nick = nick;
        this.password = password;
        this.rooms = String.join(",", rooms);
        this.roomCount = rooms.size();
        this.runStartNanos = runStartNanos;
        this.ready = ready;
        this.lastSeq = new long[ledger.targets()][senders];
        for (long[] l : lastSeq) Arrays.fill(l, -1);
        this.received = new long[ledger.targets()];
        this.ledger = ledger;
    }

    @Override
    void opened() {
        register(password, nick, "chatroom soak observer");
    }

    @Override
    void line(ByteBuf b, int start, int end) {
        Message m;
        try {
            m = Message.parse(b.toString(start, end - start, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return;
        }
        switch (m.command()) {
            case "001" -> send("JOIN " + rooms);
            case "366" -> {
                if (ledger.target(m.param(1)) >= 0 && ++joined == roomCount) ready.run();
            }
            case "PRIVMSG" -> privmsg(m);
            case "ERROR" -> {
                if (!quitting) ledger.error(nick, m.toString());
            }
            default -> {
                if (SoakSession.isError(m)) ledger.error(nick, m.toString());
            }
        }
    }

    private void privmsg(Message m) {
        int target = ledger.target(m.param(0));
        SoakText t = SoakText.parse(m.param(1));
        // a message from before this run (replayed history) is not this run's
        if (target < 0 || t == null || t.sendNanos() < runStartNanos) return;
        if (t.sender() < 0 || t.sender() >= lastSeq[target].length) return;
        if (t.seq() <= lastSeq[target][t.sender()]) {
            duplicates++;
            ledger.duplicate(
                    nick,
                    "duplicated or out of order in " + m.param(0) + ": " + m.sourceNick() + "'s message " + t.seq()
                            + " after " + lastSeq[target][t.sender()]);
            return;
        }
        lastSeq[target][t.sender()] = t.seq();
        received[target]++;
    }

    /** Whether target is one this observer hears: every room, and private messages to itself. */
    boolean hears(int target) {
        return target < roomCount || target == ledger.target(nick);
    }

    long receivedTotal() {
        long n = 0;
        for (long r : received) n += r;
        return n;
    }

    void quit() {
        quitting = true;
        if (channel != null && channel.isActive()) send("QUIT :soak done");
    }

    @Override
    void closed() {
        if (!quitting) ledger.error(nick, "the server closed the observer's connection");
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!quitting) ledger.error(nick, String.valueOf(cause));
        super.exceptionCaught(ctx, cause);
    }
}

package dev.chatroom.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One simulated user: registers, joins the channel, and counts the benchmark messages it receives,
 * parsed where they lie in the buffer (see {@link LineClient}). A sender asks for echo-message and
 * times its own messages' echoes apart: the echo is the server's answer to the sender, not a
 * delivery. With a login it first logs in with SASL PLAIN; a device (another connection of an
 * account already in the room) does not JOIN: the server shows it the person's rooms. All methods
 * run on the client's event loop.
 */
final class BenchClient extends LineClient {
    final int index;
    final String nick;
    private final ClientEvents events;
    private final Payload payload = new Payload();
    boolean registered;
    boolean joined;
    long received;
    long duplicates;
    /** Of the duplicates, those from a sender on another node. */
    long crossDuplicates;
    /** This client's host entry, and how many there are: sender j is on node j mod nodes. */
    private final int node;

    private final int nodes;
    /** One of the senders (client i is sender i). */
    private final boolean sender;
    /** Last sequence number seen from each sender (its own: the last echo); a sender's messages arrive in order. */
    private final long[] lastSeq;
    /** Null for a guest. */
    private final DeviceAccounts.Login login;
    /** The room's members counted from NAMES so far, while asked for (see {@link #countMembers}); else -1. */
    private int members = -1;

    BenchClient(int index, String nickPrefix, ClientEvents events, int senders) {
        this(index, nickPrefix, events, senders, 1, null);
    }

    BenchClient(int index, String nickPrefix, ClientEvents events, int senders, int nodes, DeviceAccounts.Login login) {
        this.index = index;
        this.nodes = nodes;
        this.node = index % nodes;
        this.login = login;
        // an account's first connection asks for the account's nick; a device gets it anyway
        this.nick = login != null && !login.device() ? login.account() : nickPrefix + index;
        this.events = events;
        this.lastSeq = new long[senders];
        this.sender = index < senders;
        Arrays.fill(lastSeq, -1);
    }

    @Override
    void opened() {
        if (login != null) {
            send(sender ? "CAP REQ :sasl echo-message" : "CAP REQ :sasl");
            register(events.password(), nick, "chatroom bench");
            send("AUTHENTICATE PLAIN"); // CAP END once logged in
            return;
        }
        if (sender) send("CAP REQ :echo-message"); // a server without it says NAK, and there is simply no echo
        register(events.password(), nick, "chatroom bench");
        if (sender) send("CAP END");
    }

    @Override
    void line(ByteBuf b, int start, int end) {
        if (login != null && !registered && authenticate(b, start, end)) return;
        int space = b.indexOf(start, end, (byte) ' ');
        if (space < 0 || end - space < 5) return;
        if (joined && privmsg(b, space, end)) {
            int colon = b.indexOf(space + 9, end, (byte) ':');
            if (colon >= 0 && payload.parse(b, colon + 1, end)) onBenchMessage();
            return;
        }
        int code = numeric(b, space, end);
        switch (code) {
            case 1 -> {
                registered = true;
                if (login == null || !login.device()) send("JOIN " + events.channelName());
            }
            case 353 -> {
                if (members >= 0) members += names(b.toString(space, end - space, StandardCharsets.UTF_8));
            }
            case 366 -> {
                if (!joined) {
                    joined = true;
                    events.joined(this);
                } else if (members >= 0) {
                    events.membersCounted(members);
                    members = -1;
                }
            }
            case 903 -> send("CAP END");
            case 433, 432, 465, 464, 902, 904, 905, 906 ->
                events.failed(this, b.toString(start, end - start, StandardCharsets.UTF_8));
            default -> {}
        }
    }

    /** Answers the server's "AUTHENTICATE +" with PLAIN's one message: the account twice and its password. */
    private boolean authenticate(ByteBuf b, int start, int end) {
        String line = b.toString(start, end - start, StandardCharsets.UTF_8);
        if (!line.equals("AUTHENTICATE +") && !line.endsWith(" AUTHENTICATE +")) return false;
        String plain = login.account() + "\0" + login.account() + "\0" + login.password();
        send("AUTHENTICATE " + Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
        return true;
    }

    /** Asks the server who is in the channel; the count goes to {@link ClientEvents#membersCounted}. */
    void countMembers() {
        members = 0;
        send("NAMES " + events.channelName());
    }

    /** The nicks in a 353's parameters ({@code " 353 me = #room :a b c"}). */
    static int names(String params) {
        int colon = params.indexOf(" :");
        if (colon < 0) return 0;
        int n = 0;
        for (String nick : params.substring(colon + 2).split(" ")) if (!nick.isEmpty()) n++;
        return n;
    }

    private void onBenchMessage() {
        int sender = payload.sender();
        if (sender < 0 || sender >= lastSeq.length) return;
        long seq = payload.seq();
        if (sender == index) {
            if (seq > lastSeq[sender]) {
                lastSeq[sender] = seq;
                events.echoed(System.nanoTime() - payload.sendNanos());
            }
            return;
        }
        boolean cross = nodes > 1 && sender % nodes != node;
        if (seq <= lastSeq[sender]) {
            duplicates++;
            if (cross) crossDuplicates++;
            return;
        }
        lastSeq[sender] = seq;
        received++;
        events.delivered(this, System.nanoTime() - payload.sendNanos(), cross);
    }

    @Override
    void closed() {
        events.closed(this);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!joined) events.failed(this, String.valueOf(cause));
        super.exceptionCaught(ctx, cause);
    }

    static Histogram newHistogram() {
        return new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    }
}

package dev.chatroom.client;

import dev.chatroom.irc.Message;

/** The round trip to the server, measured with a PING of our own and the PONG that answers it. */
final class LagMeter {
    private volatile long lagMillis = -1;
    private volatile long lastPingNanos;

    /** The PING to send now; its token is the time it was sent. */
    String ping() {
        lastPingNanos = System.nanoTime();
        return "PING :lag" + lastPingNanos;
    }

    /** A PONG: when it answers our last PING, the round trip is measured. */
    void pong(Message m) {
        String token = m.param(m.params().size() - 1);
        if (token != null && token.equals("lag" + lastPingNanos))
            lagMillis = (System.nanoTime() - lastPingNanos) / 1_000_000;
    }

    /** The last measured round trip in ms, -1 before the first. */
    long lagMillis() {
        return lagMillis;
    }
}

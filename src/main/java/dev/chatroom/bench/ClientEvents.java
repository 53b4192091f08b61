package dev.chatroom.bench;

/** What a {@link BenchClient} needs from whoever runs it: its settings, and where to report. Called on the client's event loop. */
interface ClientEvents {
    String password();

    String channelName();

    void joined(BenchClient c);

    void failed(BenchClient c, String why);

    void closed(BenchClient c);

    /** A new delivery to c; cross when its sender is on another host entry than the receiver. */
    void delivered(BenchClient c, long latencyNanos, boolean cross);

    /** A sender's own message came back to it (echo-message). */
    void echoed(long latencyNanos);

    /** The channel's members, as a NAMES asked for with {@link BenchClient#countMembers} listed them. */
    void membersCounted(int members);
}

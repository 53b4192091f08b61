package dev.chatroom.fuzz;

import dev.chatroom.irc.Message;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import java.util.List;

/**
 * One fuzz input against a fresh in-memory server: two well-behaved users, {@code good} and
 * {@code watch}, in the room, and a third connection that sends the input, either straight
 * away or after registering as {@code fz} (most commands are refused before registration, so
 * without the second start the fuzzer would hardly reach them). Then the properties are checked.
 * Any exception the server throws is left to propagate: that is finding number one.
 */
final class FuzzSession {
    /** Ends a last unterminated line, as the rest of it would arrive from a socket; else the fuzzer's many inputs without a final LF would test nothing. */
    private static final byte[] CRLF = {'\r', '\n'};

    private final FuzzInput input;
    private final InMemoryServer server = new InMemoryServer(InMemoryServer.config());
    private final FakeClient good;
    private final FakeClient watch;
    private final FakeClient fuzzed;

    private FuzzSession(FuzzInput input, boolean registerFirst) {
        this.input = input;
        good = server.join("good");
        watch = server.join("watch");
        fuzzed = server.connect();
        if (registerFirst) {
            fuzzed.send("NICK fz");
            fuzzed.send("USER fz 0 * :fz");
        }
        checkLinesSoFar();
    }

    /** Runs the input on a connection that has not registered, then on one registered as fz. */
    static void runBothStarts(FuzzInput input) {
        run(input, false);
        run(input, true);
    }

    static void run(FuzzInput input, boolean registerFirst) {
        new FuzzSession(input, registerFirst).feedAndCheck();
    }

    private void feedAndCheck() {
        for (byte[] read : input.reads()) fuzzed.sendRaw(read);
        fuzzed.sendRaw(CRLF);
        checkLinesSoFar();
        checkNoInternalError();
        checkFuzzedNotDroppedSilently();
        checkGoodUnaffected();
    }

    private void checkLinesSoFar() {
        check(fuzzed.sync(), "the fuzzed client");
        check(good.sync(), "good");
        check(watch.sync(), "watch");
    }

    private void check(List<String> lines, String client) {
        for (String line : lines) WireRules.check(line, client, input);
    }

    /**
     * The dispatcher may catch a handler's exception and log it: the client is fine, but the bug
     * is still a bug. Only the start of an event counts, since a quit reason, say, is the fuzzer's text.
     */
    private void checkNoInternalError() {
        for (String event : server.events()) {
            if (event.startsWith("Internal error"))
                throw new AssertionError(event + "\n  after input " + input.describe());
        }
    }

    private void checkFuzzedNotDroppedSilently() {
        if (!fuzzed.isClosed()) return;
        List<String> got = fuzzed.history();
        String last = got.isEmpty() ? null : got.get(got.size() - 1);
        if (last == null || !Message.parse(last).command().equals("ERROR")) {
            throw new AssertionError("the fuzzed connection was closed without an ERROR; its last line: " + last
                    + "\n  after input " + input.describe());
        }
    }

    private void checkGoodUnaffected() {
        good.send("PRIVMSG #chatroom :still fine");
        check(good.sync(), "good");
        if (good.isClosed()) throw new AssertionError("good was disconnected\n  after input " + input.describe());
        List<String> seen = watch.sync();
        check(seen, "watch");
        boolean relayed = seen.stream()
                .map(Message::parse)
                .anyMatch(m -> m.command().equals("PRIVMSG")
                        && "good".equals(m.sourceNick())
                        && m.params().equals(List.of("#chatroom", "still fine")));
        if (!relayed) {
            throw new AssertionError(
                    "watch did not get good's message; it got " + seen + "\n  after input " + input.describe());
        }
    }
}

package dev.chatroom.cli;

import dev.chatroom.bench.Store;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chatroom bench store}: how fast the server's history takes messages in, proven by reading them back. */
@Command(
        name = "store",
        mixinStandardHelpOptions = true,
        description = {
            "S senders in R rooms each send M messages/s, paced, for D seconds; then the history is read back",
            "with CHATHISTORY to count what was stored, and when. Needs a server with draft/chathistory."
        })
final class BenchStoreCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BenchEndpoint at;

    @Option(
            names = "--senders",
            defaultValue = "200",
            paramLabel = "S",
            description = "Clients that send (default: ${DEFAULT-VALUE}).")
    int senders;

    @Option(
            names = "--rooms",
            defaultValue = "20",
            paramLabel = "R",
            description =
                    "Rooms the senders are spread over (default: ${DEFAULT-VALUE}); as many as senders: nobody else hears a message.")
    int rooms;

    @Option(
            names = "--rate",
            defaultValue = "100",
            paramLabel = "M",
            description = "Messages per second per sender (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(
            names = "--duration",
            defaultValue = "10",
            paramLabel = "D",
            description = "Seconds of sending (default: ${DEFAULT-VALUE}).")
    int duration;

    @Option(
            names = "--size",
            defaultValue = "100",
            paramLabel = "BYTES",
            description = "Bytes of text per message (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(
            names = "--reactions",
            defaultValue = "0",
            paramLabel = "K",
            description = "Also a reaction (TAGMSG with +draft/react) after every K-th message; 0: none (default).")
    int reactions;

    @Option(
            names = "--wait",
            defaultValue = "30",
            paramLabel = "SECONDS",
            description =
                    "How long after the sending the server may take to store everything (default: ${DEFAULT-VALUE}).")
    int wait;

    @Option(
            names = "--channel",
            defaultValue = "#store",
            paramLabel = "#NAME",
            description = "Rooms are #NAME-0, #NAME-1, ... (default: ${DEFAULT-VALUE}).")
    String channel;

    @Option(
            names = "--nick-prefix",
            defaultValue = "store",
            paramLabel = "PREFIX",
            description = "Nicks are PREFIX0, PREFIX1, ... (default: ${DEFAULT-VALUE}).")
    String nickPrefix;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!at.check(err)) return 2;
        if (senders < 1
                || senders > 20_000
                || rooms < 1
                || rooms > senders
                || rate <= 0
                || rate > 1000
                || duration < 1
                || duration > 600
                || size < 40
                || size > 400
                || wait < 1
                || wait > 600
                || reactions < 0
                || reactions > 1000) {
            err.println(
                    "chatroom: need 1 <= --senders <= 20000, 1 <= --rooms <= --senders, 0 < --rate <= 1000, 1 <= --duration <= 600,"
                            + " 40 <= --size <= 400, 1 <= --wait <= 600, 0 <= --reactions <= 1000");
            return 2;
        }
        Store.Settings s = new Store.Settings(
                at.endpoints,
                senders,
                rooms,
                at.window,
                channel,
                nickPrefix,
                at.password,
                rate,
                duration,
                size,
                reactions,
                wait,
                at.serverPid);
        return new Store(s, spec.commandLine().getOut(), err).run(at.json);
    }
}

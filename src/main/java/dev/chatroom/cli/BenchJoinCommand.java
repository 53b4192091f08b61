package dev.chatroom.cli;

import dev.chatroom.bench.JoinTime;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chatroom bench join}: how long a join takes, with the history the server replays. */
@Command(
        name = "join",
        mixinStandardHelpOptions = true,
        description = {
            "Fill a room with H messages, then N clients join it one at a time; times JOIN to 366 and to the end",
            "of the replayed history. Compare a server run with --history-replay 50 and with --history-replay 0."
        })
final class BenchJoinCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BenchEndpoint at;

    @Option(
            names = "--clients",
            defaultValue = "200",
            paramLabel = "N",
            description = "Clients that join, one after another (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(
            names = "--channel",
            defaultValue = "#join",
            paramLabel = "#NAME",
            description = "The room they join (default: ${DEFAULT-VALUE}).")
    String channel;

    @Option(
            names = "--nick-prefix",
            defaultValue = "join",
            paramLabel = "PREFIX",
            description = "Nicks are PREFIX0, PREFIX1, ... (default: ${DEFAULT-VALUE}).")
    String nickPrefix;

    @Option(
            names = "--history",
            defaultValue = "50",
            paramLabel = "H",
            description = "Messages said in the room before the joins (default: ${DEFAULT-VALUE}).")
    int history;

    @Option(
            names = "--join-window",
            defaultValue = "1",
            paramLabel = "W",
            description = "Joins in flight at once (default: ${DEFAULT-VALUE}).")
    int joinWindow;

    @Option(
            names = "--size",
            defaultValue = "100",
            paramLabel = "BYTES",
            description = "Bytes of text per history message (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(
            names = "--plain",
            description =
                    "Joiners do not ask for batch, server-time and message-tags: the history comes as plain lines between notices.")
    boolean plain;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!at.check(err)) return 2;
        if (clients < 1
                || clients > 20_000
                || history < 0
                || history > 1000
                || joinWindow < 1
                || size < 40
                || size > 400) {
            err.println(
                    "chatroom: need 1 <= --clients <= 20000, 0 <= --history <= 1000, --join-window >= 1, 40 <= --size <= 400");
            return 2;
        }
        JoinTime.Settings s = new JoinTime.Settings(
                at.endpoints,
                clients,
                at.window,
                joinWindow,
                channel,
                nickPrefix,
                at.password,
                history,
                size,
                plain,
                at.serverPid);
        return new JoinTime(s, spec.commandLine().getOut(), err).run(at.json);
    }
}

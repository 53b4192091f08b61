package dev.chatroom.cli;

import dev.chatroom.bench.Hosts;
import dev.chatroom.bench.Soak;
import dev.chatroom.config.Values;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code chatroom bench soak}: hours of churn against a server or a cluster; nothing lost, memory flat. */
@Command(
        name = "soak",
        mixinStandardHelpOptions = true,
        description = {
            "A bounded crowd keeps connecting, registering accounts and logging in, joining, chatting, parting and",
            "quitting for --duration, while observers in every room check each message arrives exactly once and the",
            "servers' RSS and heap after GC are sampled. Fails on anything lost, duplicated or refused, or heap growth."
        })
final class BenchSoakCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BenchAddress address;

    @Option(
            names = "--duration",
            defaultValue = "1h",
            converter = DurationConverter.class,
            paramLabel = "TIME",
            description = "How long the crowd chats (default: ${DEFAULT-VALUE}); 90s, 10m, 1h.")
    Duration duration;

    @Option(
            names = "--clients",
            defaultValue = "50",
            paramLabel = "N",
            description = "Clients at any moment, the observers included (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(
            names = "--observers",
            defaultValue = "2",
            paramLabel = "K",
            description = "Of them, clients that stay in every room the whole time and check every message arrives"
                    + " (default: ${DEFAULT-VALUE}).")
    int observers;

    @Option(
            names = "--rooms",
            defaultValue = "4",
            paramLabel = "R",
            description = "Rooms, named #NAME-0, #NAME-1, ... after --channel (default: ${DEFAULT-VALUE}).")
    int rooms;

    @Option(
            names = "--channel",
            defaultValue = "#soak",
            paramLabel = "#NAME",
            description = "The rooms' name (default: ${DEFAULT-VALUE}).")
    String channel;

    @Option(
            names = "--accounts",
            defaultValue = "3",
            paramLabel = "A",
            description = "Clients that register an account on their first connection and log in with SASL on every"
                    + " later one (default: ${DEFAULT-VALUE}; our server lets one address register 3 an hour).")
    int accounts;

    @Option(
            names = "--rate",
            defaultValue = "0.5",
            paramLabel = "M",
            description = "Messages per second per chatting client (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(
            names = "--session-length",
            defaultValue = "30s",
            converter = DurationConverter.class,
            paramLabel = "TIME",
            description = "How long a client stays connected, on average, before it quits and reconnects"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration sessionLength;

    @Option(
            names = "--server-pid",
            split = ",",
            paramLabel = "PID[,PID...]",
            description = "The server processes (one per node) whose RSS and heap after GC to sample; needs the JDK's"
                    + " jcmd and the servers' user.")
    List<Long> serverPids = List.of();

    @Option(
            names = "--sample-every",
            defaultValue = "1m",
            converter = DurationConverter.class,
            paramLabel = "TIME",
            description = "How often to sample the servers (default: ${DEFAULT-VALUE}).")
    Duration sampleEvery;

    @Option(
            names = "--baseline",
            defaultValue = "10m",
            converter = DurationConverter.class,
            paramLabel = "TIME",
            description = "The heap after GC at the end is compared with the first sample from this far into the run"
                    + " (default: ${DEFAULT-VALUE}), once the server has warmed up.")
    Duration baseline;

    @Option(
            names = "--max-heap-growth",
            defaultValue = "10",
            paramLabel = "PERCENT",
            description = "Fail when a server's heap after GC grew more than this from the baseline to the end"
                    + " (default: ${DEFAULT-VALUE}).")
    double maxHeapGrowth;

    @Option(
            names = "--nick-prefix",
            defaultValue = "soak",
            paramLabel = "PREFIX",
            description = "Nicks start with it (default: ${DEFAULT-VALUE}); a new one for each run against one server,"
                    + " as the accounts stay.")
    String nickPrefix;

    @Option(
            names = "--password",
            paramLabel = "SECRET",
            description = "Server password (PASS), if the server needs one.")
    String password;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path json;

    /** Durations as the server's settings take them: 90 (seconds), 90s, 500ms, 5m, 1h. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Values.duration(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Hosts endpoints = address.endpoints(spec, err);
        if (endpoints == null) return 2;
        if (observers < 1
                || clients <= observers
                || clients > 10_000
                || rooms < 1
                || rooms > 40
                || accounts < 0
                || accounts > clients - observers
                || rate <= 0
                || rate > 10
                || baseline.compareTo(duration) >= 0
                || sampleEvery.compareTo(duration) > 0
                || maxHeapGrowth < 0) {
            err.println("chatroom: need 1 <= --observers < --clients <= 10000, 1 <= --rooms <= 40,"
                    + " 0 <= --accounts <= --clients - --observers, 0 < --rate <= 10,"
                    + " --baseline < --duration, --sample-every <= --duration, --max-heap-growth >= 0");
            return 2;
        }
        Soak.Settings s = new Soak.Settings(
                endpoints,
                clients,
                observers,
                rooms,
                channel,
                accounts,
                rate,
                sessionLength,
                duration,
                sampleEvery,
                baseline,
                maxHeapGrowth,
                List.copyOf(serverPids),
                nickPrefix,
                password);
        return new Soak(s, spec.commandLine().getOut(), err).run(json);
    }
}

package dev.chatroom.cli;

import dev.chatroom.bench.Hosts;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Where a benchmark's clients go: --host and --port, or --hosts for a cluster's nodes; loopback only. Every benchmark's. */
final class BenchAddress {
    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            paramLabel = "HOST",
            description = "Server (default: ${DEFAULT-VALUE}); loopback only.")
    String host;

    @Option(
            names = "--port",
            defaultValue = "6667",
            paramLabel = "PORT",
            description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--hosts",
            paramLabel = "HOST:PORT[,HOST:PORT...]",
            converter = BenchCommand.HostsConverter.class,
            description =
                    "Servers to spread the clients over, round-robin (client i to entry i mod n): the nodes of a cluster."
                            + " Instead of --host/--port; loopback only; IPv6 in brackets ([::1]:6667).")
    Hosts hosts;

    /** The endpoints, or null (said on err) when both forms were given or a host is not this machine. */
    Hosts endpoints(CommandSpec mixee, PrintWriter err) {
        return BenchCommand.endpoints(mixee, host, port, hosts, err);
    }
}

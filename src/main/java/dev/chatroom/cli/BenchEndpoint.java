package dev.chatroom.cli;

import dev.chatroom.bench.Hosts;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of the history benchmarks that say where and how to connect. Their rooms have
 * other defaults than {@link BenchCommand.Target}'s: our server puts every client in its default
 * room (#chatroom) on registration, so a JOIN of that room would not be a join at all.
 */
final class BenchEndpoint {
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

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--window",
            defaultValue = "100",
            paramLabel = "N",
            description = "Registrations in flight at once (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(
            names = "--password",
            paramLabel = "SECRET",
            description = "Server password (PASS), if the server needs one.")
    String password;

    @Option(
            names = "--server-pid",
            paramLabel = "PID",
            description = "The server's process id, to report its CPU time and peak memory.")
    Long serverPid;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path json;

    /** Set by check. */
    Hosts endpoints;

    boolean check(PrintWriter err) {
        endpoints = BenchCommand.endpoints(mixee, host, port, hosts, err);
        if (endpoints == null) return false;
        if (window < 1) {
            err.println("chatroom: --window must be at least 1");
            return false;
        }
        return true;
    }
}

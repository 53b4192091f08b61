package dev.chatroom.cli;

import dev.chatroom.bench.Hosts;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of the history benchmarks that say where and how to connect. Their rooms have
 * other defaults than {@link BenchCommand.Target}'s: our server puts every client in its default
 * room (#chatroom) on registration, so a JOIN of that room would not be a join at all.
 */
final class BenchEndpoint {
    @Mixin
    BenchAddress address;

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
        endpoints = address.endpoints(mixee, err);
        if (endpoints == null) return false;
        if (window < 1) {
            err.println("chatroom: --window must be at least 1");
            return false;
        }
        return true;
    }
}

package dev.chatroom.cli;

import dev.chatroom.bench.Connect;
import dev.chatroom.bench.Fanout;
import dev.chatroom.bench.Hosts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code chatroom bench}: a load generator that speaks IRC to any server, on this machine. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Load an IRC server (ours or another) with many clients and measure it.",
            "Run our server with --approve all --flood-rate 0 --max-per-ip 100000 for benchmarks."
        },
        subcommands = {
            BenchCommand.FanoutCommand.class,
            BenchCommand.ConnectCommand.class,
            BenchStoreCommand.class,
            BenchJoinCommand.class,
            BenchSoakCommand.class
        })
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Whether host is this machine; says so on err when not. */
    static boolean loopback(String host, PrintWriter err) {
        if (host.equals("localhost") || host.startsWith("127.") || host.equals("::1")) return true;
        err.println("chatroom: bench only targets this machine (127.0.0.0/8, ::1, localhost)");
        return false;
    }

    /** {@code --hosts}: a parse error becomes picocli's "Invalid value for option '--hosts': ..." and status 2. */
    static final class HostsConverter implements ITypeConverter<Hosts> {
        @Override
        public Hosts convert(String value) {
            try {
                return Hosts.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * Where the clients go: the --hosts entries, else --host and --port; null (said on err) when
     * both forms were given, as one would silently win, or a host is not this machine.
     */
    static Hosts endpoints(CommandSpec mixee, String host, int port, Hosts hosts, PrintWriter err) {
        if (hosts == null) return loopback(host, err) ? Hosts.single(host, port) : null;
        CommandLine.ParseResult given = mixee.commandLine().getParseResult();
        if (given.hasMatchedOption("--host") || given.hasMatchedOption("--port")) {
            err.println("chatroom: --hosts replaces --host and --port; give one or the other");
            return null;
        }
        for (Hosts.Endpoint e : hosts.entries()) {
            if (!loopback(e.host(), err)) return null;
        }
        return hosts;
    }

    /** Options every benchmark shares. */
    static final class Target {
        @Mixin
        BenchAddress address;

        @Spec(Spec.Target.MIXEE)
        CommandSpec mixee;

        @Option(
                names = "--clients",
                defaultValue = "100",
                paramLabel = "N",
                description = "Clients to connect (default: ${DEFAULT-VALUE}).")
        int clients;

        @Option(
                names = "--window",
                defaultValue = "100",
                paramLabel = "N",
                description = "Registrations in flight at once (default: ${DEFAULT-VALUE}).")
        int window;

        @Option(
                names = "--channel",
                defaultValue = "#chatroom",
                paramLabel = "#NAME",
                description = "Channel to join (default: ${DEFAULT-VALUE}).")
        String channel;

        @Option(
                names = "--nick-prefix",
                defaultValue = "bench",
                paramLabel = "PREFIX",
                description =
                        "Nicks are PREFIX0, PREFIX1, ... (default: ${DEFAULT-VALUE}); use different ones for generators in parallel.")
        String nickPrefix;

        @Option(
                names = "--password",
                paramLabel = "SECRET",
                description = "Server password (PASS), if the server needs one.")
        String password;

        @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
        Path json;

        /** Set by check. */
        Hosts endpoints;

        boolean check(PrintWriter err) {
            endpoints = address.endpoints(mixee, err);
            if (endpoints == null) return false;
            if (clients < 1 || window < 1) {
                err.println("chatroom: --clients and --window must be at least 1");
                return false;
            }
            return true;
        }
    }

    @Command(
            name = "fanout",
            mixinStandardHelpOptions = true,
            description = "S senders each send R messages/s, paced, to a channel of N clients for D seconds.")
    static final class FanoutCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Target target;

        @Option(
                names = "--senders",
                defaultValue = "10",
                paramLabel = "S",
                description = "Clients that send (default: ${DEFAULT-VALUE}).")
        int senders;

        @Option(
                names = "--rate",
                defaultValue = "10",
                paramLabel = "R",
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
                names = "--server-pid",
                paramLabel = "PID",
                description =
                        "The server's process id, to report its CPU time per million deliveries and its peak memory.")
        Long serverPid;

        @Option(
                names = "--after-check",
                description =
                        "After the run, check the server is still alive (with --server-pid) and that a new client still gets 001 within 10 s; fail if not.")
        boolean afterCheck;

        @Option(
                names = "--devices",
                defaultValue = "1",
                paramLabel = "N",
                description =
                        "Connections per account: the clients log in (SASL) as clients/N accounts of N devices each,"
                                + " made first with REGISTER; every connection still receives every message (default: ${DEFAULT-VALUE}: guests, unless --accounts)."
                                + " Our server only; it binds the connections to 127.1.x.y and 127.2.x.y.")
        int devices;

        @Option(
                names = "--accounts",
                description =
                        "Log in even with one device each: every client an account of its own, made first with REGISTER"
                                + " (implied by --devices 2 and more; the same restrictions).")
        boolean accounts;

        @Option(
                names = "--websocket",
                paramLabel = "PORT",
                description = "Every second client (senders and receivers alike) connects to the server's WebSocket"
                        + " port PORT instead (our server's web-port; IRCv3 websocket, text.ircv3.net), the others"
                        + " to --port as usual. One server only: not with --hosts.")
        Integer webPort;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            if (!target.check(err)) return 2;
            if (senders < 1 || senders > target.clients || rate <= 0 || duration < 1 || size < 40 || size > 400) {
                err.println(
                        "chatroom: need 1 <= --senders <= --clients, --rate > 0, --duration >= 1, 40 <= --size <= 400");
                return 2;
            }
            if (devices < 1 || target.clients % devices != 0) {
                err.println("chatroom: --clients must be a multiple of --devices (at least 1)");
                return 2;
            }
            if ((devices > 1 || accounts) && !ipv4Loopback(target.endpoints)) {
                // a cluster makes each connection a user of its own; the source addresses are 127/8
                err.println(
                        "chatroom: --devices and --accounts need one server at 127.x.x.x or localhost (not ::1, not --hosts)");
                return 2;
            }
            if (webPort != null && (webPort < 1 || webPort > 65535 || target.endpoints.size() != 1)) {
                err.println("chatroom: --websocket needs a port (1-65535) and one server, not --hosts");
                return 2;
            }
            Fanout.Settings s = new Fanout.Settings(
                    target.endpoints,
                    target.clients,
                    target.window,
                    target.channel,
                    target.nickPrefix,
                    target.password,
                    senders,
                    rate,
                    duration,
                    size,
                    serverPid,
                    afterCheck,
                    devices,
                    accounts,
                    webPort == null ? 0 : webPort);
            return new Fanout(s, spec.commandLine().getOut(), err).run(target.json);
        }

        private static boolean ipv4Loopback(Hosts hosts) {
            if (hosts.size() != 1) return false;
            String host = hosts.entries().get(0).host();
            return host.equals("localhost") || host.startsWith("127.");
        }
    }

    @Command(
            name = "connect",
            mixinStandardHelpOptions = true,
            description = "Register and join N clients, hold them, report registrations/s, memory and CPU.")
    static final class ConnectCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Target target;

        @Option(
                names = "--hold",
                defaultValue = "5",
                paramLabel = "SECONDS",
                description = "Seconds to keep everyone connected (default: ${DEFAULT-VALUE}).")
        int hold;

        @Option(
                names = "--server-pid",
                paramLabel = "PID",
                description = "The server's process id, to report its memory and CPU time.")
        Long serverPid;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            if (!target.check(err)) return 2;
            Connect.Settings s = new Connect.Settings(
                    target.endpoints,
                    target.clients,
                    target.window,
                    target.channel,
                    target.nickPrefix,
                    target.password,
                    Math.max(0, hold),
                    serverPid);
            return new Connect(s, spec.commandLine().getOut(), err).run(target.json);
        }
    }
}

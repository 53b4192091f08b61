package dev.chatroom.cli;

import dev.chatroom.config.ConfigFile;
import dev.chatroom.config.ConfigKey;
import dev.chatroom.config.ConfigKeys;
import dev.chatroom.config.DefaultConfigFile;
import dev.chatroom.config.ServerConfig;
import dev.chatroom.config.Settings;
import dev.chatroom.config.Values;
import dev.chatroom.config.Version;
import dev.chatroom.launch.ChatServer;
import dev.chatroom.launch.StartException;
import dev.chatroom.launch.TlsReport;
import dev.chatroom.log.Event;
import dev.chatroom.log.EventLines;
import dev.chatroom.log.EventSink;
import dev.chatroom.log.LogFile;
import dev.chatroom.server.console.ConsoleCommands;
import dev.chatroom.server.net.Descriptors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code chatroom server}: hosts the room, with the admin console on this terminal. Its setting
 * flags are made from {@link ConfigKeys}, so a flag, a config file key and its default are
 * written once.
 */
@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Host the chat room. Every join request is shown here for you to accept (y) or reject (n); without a"
                    + " terminal, or from elsewhere, attach with chatroom admin console or ssh -p 2022 admin@host.",
            "Settings come from the defaults, then --config FILE, then the flags given here."
        })
public final class ServerCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandSpec spec;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Read settings from this TOML file (see --print-config); flags given here win.")
    Path configFile;

    @Option(
            names = "--print-config",
            description = "Print a complete config file with every key at its default, and exit.")
    boolean printConfig;

    @Option(
            names = "--check-config",
            description = "Check the settings, files, data dir, database, ports and Redis as a start would, without"
                    + " serving; print what was checked, and exit (2 on any problem).")
    boolean checkConfig;

    /** The command with one option per setting, and every console command in its footer. */
    public static CommandLine commandLine() {
        CommandSpec spec = CommandSpec.forAnnotatedObject(new ServerCommand());
        List<String> footer = new ArrayList<>(List.of(""));
        footer.addAll(HelpText.list("Console commands (/help there says what each does): ", ConsoleCommands.verbs()));
        footer.addAll(ServerExit.helpLines());
        spec.usageMessage().footer(footer.toArray(String[]::new));
        for (ConfigKey k : ConfigKeys.all()) {
            String def = k.defaultText();
            String shown = def == null ? "" : " (default: " + (def.isEmpty() ? "\"\"" : def) + ")";
            OptionSpec.Builder o = OptionSpec.builder("--" + k.name()).description(k.description() + shown);
            if (k.flag()) o.type(boolean.class).arity("0..1");
            else if (k.list()) o.type(List.class).auxiliaryTypes(String.class).paramLabel(k.label());
            else o.type(String.class).paramLabel(k.label());
            spec.addOption(o.build());
        }
        return new CommandLine(spec);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (printConfig) {
            spec.commandLine().getOut().print(DefaultConfigFile.text());
            spec.commandLine().getOut().flush();
            return 0;
        }
        Settings b = ServerConfig.DEFAULTS.toSettings();
        List<String> problems = new ArrayList<>();
        if (configFile != null) problems.addAll(ConfigFile.applyAll(configFile, b));
        int fromFile = problems.size();
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        for (ConfigKey k : ConfigKeys.all()) {
            String flag = "--" + k.name();
            if (!parsed.hasMatchedOption(flag)) continue;
            Object value = spec.findOption(flag).getValue();
            if (value instanceof List<?> several)
                value = String.join(";", several.stream().map(String::valueOf).toList());
            try {
                k.set().accept(b, String.valueOf(value));
            } catch (IllegalArgumentException e) {
                problems.add(flag + " " + e.getMessage());
            }
        }
        if (checkConfig) return CheckConfig.run(configFile, problems, b.build(), spec.commandLine());
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("chatroom: " + p));
            if (problems.size() > fromFile) err.println("Try 'chatroom server --help' for the options.");
            return ServerExit.BAD_CONFIG.code();
        }
        return run(b.build(), err);
    }

    private static String listening(ServerConfig config, ChatServer server) {
        StringBuilder sb = new StringBuilder();
        if (server.port() != ServerConfig.OFF)
            sb.append(config.host()).append(':').append(server.port());
        if (server.tlsPort() != ServerConfig.OFF) {
            if (sb.length() > 0) sb.append(" and ");
            sb.append(config.host()).append(':').append(server.tlsPort()).append(" (TLS)");
        }
        return sb.toString();
    }

    private int run(ServerConfig config, PrintWriter err) throws Exception {
        LogFile log = null;
        if (config.logFile() != null) {
            try {
                log = new LogFile(config.logFile());
            } catch (IOException e) {
                err.println("chatroom: cannot open the log file " + config.logFile() + ": " + e.getMessage());
                return ServerExit.BAD_CONFIG.code();
            }
        }
        LogFile logSink = log;
        ServerConsole console = ServerConsole.open(
                System.console() != null,
                config.logFormat(),
                logSink == null
                        ? EventSink.NONE
                        : new EventLines(config.logFormat(), InstantSource.system(), logSink::write));
        ChatServer server = new ChatServer(config, console);
        EventSink events = server.admins();
        try {
            server.start();
        } catch (StartException e) {
            err.println(e.badSetup() ? "chatroom: " + e.getMessage() : e.getMessage());
            console.close();
            if (log != null) log.close();
            return (e.badSetup() ? ServerExit.BAD_CONFIG : ServerExit.CANNOT_START).code();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "chatroom-shutdown"));
        ShutdownSignals.install(server, events);
        ShutdownSignals.installReload(server, events);
        events.event(Event.info(
                        "listening",
                        "chatroom " + Version.get() + " listening on " + listening(config, server) + " ("
                                + server.transport() + "), room "
                                + (config.defaultRoom() == null ? "(none)" : config.defaultRoom()) + ", approval: "
                                + config.approve().name().toLowerCase(Locale.ROOT)
                                + ". Type /help for console commands.")
                .with("version", Version.get())
                .with("port", server.port() == ServerConfig.OFF ? null : server.port())
                .with("tls_port", server.tlsPort() == ServerConfig.OFF ? null : server.tlsPort()));
        if (server.tlsCertificate() != null)
            events.event(Event.info("tls", TlsReport.describe(server.tlsCertificate())));
        if (server.sshFingerprint() != null) {
            events.event(Event.info(
                            "ssh",
                            "SSH on " + config.host() + ":" + server.sshPort() + ", host key " + server.sshFingerprint()
                                    + " (ED25519). Join with: ssh -p " + server.sshPort() + " name@"
                                    + (config.host().equals("0.0.0.0") ? "this-host" : config.host()))
                    .with("port", server.sshPort()));
        }
        if (server.web().port() != ServerConfig.OFF || server.web().tlsPort() != ServerConfig.OFF) {
            String host = config.host().equals("0.0.0.0") ? "this-host" : config.host();
            StringBuilder urls = new StringBuilder();
            if (server.web().port() != ServerConfig.OFF)
                urls.append("ws://" + host + ":" + server.web().port() + "/");
            if (server.web().tlsPort() != ServerConfig.OFF)
                urls.append(urls.length() > 0 ? " and " : "")
                        .append("wss://" + host + ":" + server.web().tlsPort() + "/");
            events.event(Event.info("web", "WebSocket and web page on " + urls + " (subprotocol text.ircv3.net).")
                    .with(
                            "port",
                            server.web().port() == ServerConfig.OFF
                                    ? null
                                    : server.web().port())
                    .with(
                            "tls_port",
                            server.web().tlsPort() == ServerConfig.OFF
                                    ? null
                                    : server.web().tlsPort()));
        }
        if (server.metricsAddress() != null) {
            events.event(Event.info(
                            "metrics",
                            "Metrics on http://" + server.metricsAddress()
                                    + "/metrics; health on /healthz, readiness on /readyz.")
                    .with("listen", server.metricsAddress().toString()));
        }
        int maxClients = server.effectiveConfig().maxClients();
        if (maxClients < config.maxClients()) {
            events.event(Event.warn(
                            "max_clients_lowered",
                            "max-clients " + config.maxClients()
                                    + " is more than this process may open (open-file limit " + Descriptors.limit()
                                    + "): accepting at most " + maxClients
                                    + " connections. Raise the limit (ulimit -n) to allow more.")
                    .with("max_clients", maxClients));
        }
        events.event(Event.info(
                "output_budget",
                "Output budget " + (server.outputBudget() >> 20)
                        + " MiB for all clients' queued messages; each client may have "
                        + Values.formatBytes(config.sendq()) + " queued (sendq)."));
        console.start(config, server);
        server.awaitClose();
        console.event(Event.info("stopped", "Server stopped."));
        console.close();
        if (log != null) log.close();
        return ServerExit.STOPPED.code();
    }
}

package dev.chatroom.cli;

import dev.chatroom.Version;
import dev.chatroom.irc.Names;
import dev.chatroom.server.EventSink;
import dev.chatroom.server.LogFile;
import dev.chatroom.server.ServerConfig;
import dev.chatroom.server.ServerConfig.ApprovalPolicy;
import dev.chatroom.server.console.AdminCommands;
import dev.chatroom.server.console.AdminConsole;
import dev.chatroom.server.net.ChatServer;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chatroom server}: hosts the room, with the admin console on this terminal. */
@Command(name = "server", mixinStandardHelpOptions = true, versionProvider = dev.chatroom.Main.VersionProvider.class,
        description = "Host the chat room. Every join request is shown here for you to accept (y) or reject (n).",
        footer = {"", "Console commands: y, n, /accept <nick>, /reject <nick> [reason], /pending, /users, /help"})
public final class ServerCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "0.0.0.0", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "6667", description = "TCP port, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--room", paramLabel = "#NAME", defaultValue = "#chatroom", description = "The room everyone lands in (default: ${DEFAULT-VALUE}).")
    String room;

    @Option(names = "--server-name", paramLabel = "NAME", defaultValue = "chatroom", description = "Server name in every reply (default: ${DEFAULT-VALUE}).")
    String serverName;

    @Option(names = "--approve", defaultValue = "ask", paramLabel = "ask|all",
            description = "ask: the admin accepts each join; all: everyone is accepted (default: ${DEFAULT-VALUE}).")
    ApprovalPolicy approve;

    @Option(names = "--motd-file", paramLabel = "FILE", description = "Message of the day, shown on joining (default: the command list).")
    Path motdFile;

    @Option(names = "--max-clients", paramLabel = "N", defaultValue = "10000", description = "Most connections at once (default: ${DEFAULT-VALUE}).")
    int maxClients;

    @Option(names = "--password", paramLabel = "SECRET", description = "Require this server password (IRC PASS) to join.")
    String password;

    @Option(names = "--ping-interval", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "PING a client silent this long (default: ${DEFAULT-VALUE}).")
    Duration pingInterval;

    @Option(names = "--ping-timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "Drop a client that does not answer a PING within this (default: ${DEFAULT-VALUE}).")
    Duration pingTimeout;

    @Option(names = "--approval-timeout", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "Reject a join request left unanswered this long (default: ${DEFAULT-VALUE}).")
    Duration approvalTimeout;

    @Option(names = "--sendq", defaultValue = "1048576", paramLabel = "BYTES",
            description = "Bytes queued for a client that does not read before it is dropped (default: ${DEFAULT-VALUE}).")
    int sendq;

    @Option(names = "--max-per-ip", defaultValue = "10", paramLabel = "N",
            description = "Most connections from one address (default: ${DEFAULT-VALUE}).")
    int maxPerIp;

    @Option(names = "--max-pending", defaultValue = "100", paramLabel = "N",
            description = "Most join requests waiting for the admin at once (default: ${DEFAULT-VALUE}).")
    int maxPending;

    @Option(names = "--registration-timeout", defaultValue = "30s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Close a connection that has not sent NICK and USER within this (default: ${DEFAULT-VALUE}).")
    Duration registrationTimeout;

    @Option(names = "--flood-burst", defaultValue = "10", paramLabel = "LINES",
            description = "Lines a client may send at once before being slowed down (default: ${DEFAULT-VALUE}).")
    int floodBurst;

    @Option(names = "--flood-rate", defaultValue = "2", paramLabel = "LINES/S",
            description = "Lines per second a client may send sustained; 0 turns flood control off (default: ${DEFAULT-VALUE}).")
    double floodRate;

    @Option(names = "--flood-drop-after", defaultValue = "30s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Drop a client held back by flood control this long without a break (default: ${DEFAULT-VALUE}).")
    Duration floodDropAfter;

    @Option(names = "--data-dir", defaultValue = "chatroom-data", paramLabel = "DIR",
            description = "Where the server keeps its bans (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--log-file", paramLabel = "FILE", description = "Also append server events to this file.")
    Path logFile;

    @Option(names = "--log-messages", description = "Log the text of messages too (off by default, for privacy).")
    boolean logMessages;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        if (!room.isEmpty() && !Names.isValidChannel(room)) {
            err.println("chatroom: --room must start with # and have no spaces or commas, e.g. #chatroom");
            return 2;
        }
        if (port < 0 || port > 65535) {
            err.println("chatroom: --port must be between 0 and 65535");
            return 2;
        }
        if (maxClients < 1 || maxPerIp < 1 || maxPending < 1 || sendq < 1024) {
            err.println("chatroom: --max-clients, --max-per-ip and --max-pending must be at least 1, --sendq at least 1024");
            return 2;
        }
        if (floodBurst < 1 || floodRate < 0 || Double.isNaN(floodRate)) {
            err.println("chatroom: --flood-burst must be at least 1 and --flood-rate 0 or more");
            return 2;
        }
        List<String> motd = ServerConfig.DEFAULT_MOTD;
        if (motdFile != null) {
            try {
                motd = Files.readAllLines(motdFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("chatroom: cannot read the MOTD file " + motdFile + ": " + e.getMessage());
                return 2;
            }
        }
        ServerConfig config = ServerConfig.defaults().withHost(host).withPort(port).withRoom(room).withServerName(serverName)
                .withApproval(approve).withMotd(motd).withMaxClients(maxClients).withPassword(password)
                .withPing(pingInterval, pingTimeout).withApprovalTimeout(approvalTimeout).withSendQueueBytes(sendq)
                .withMaxPerIp(maxPerIp).withMaxPending(maxPending).withRegistrationTimeout(registrationTimeout)
                .withFlood(floodBurst, floodRate).withFloodDropAfter(floodDropAfter).withDataDir(dataDir).withLogMessages(logMessages);

        AdminConsole console = new AdminConsole(System.out);
        LogFile log = null;
        if (logFile != null) {
            try {
                log = new LogFile(logFile);
            } catch (IOException e) {
                err.println("chatroom: cannot open the log file " + logFile + ": " + e.getMessage());
                return 2;
            }
        }
        LogFile logSink = log;
        EventSink events = logSink == null ? console : line -> {
            console.event(line);
            logSink.event(line);
        };
        ChatServer server = new ChatServer(config, events);
        try {
            server.start();
        } catch (Exception e) {
            String why = e instanceof BindException || e.getCause() instanceof BindException ? e.getMessage() : e.toString();
            err.println("chatroom: cannot listen on " + host + ":" + port + ": " + why);
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "chatroom-shutdown"));
        ShutdownSignals.install(server, events);
        events.event("chatroom " + Version.get() + " listening on " + host + ":" + server.port() + " (" + server.transport()
                + "), room " + (room.isEmpty() ? "(none)" : room) + ", approval: " + approve.name().toLowerCase()
                + ". Type /help for console commands.");
        boolean interactive = System.console() != null;
        Thread consoleThread = new Thread(() -> {
            try {
                if (console.run(new AdminCommands(server), interactive, System.in)) {
                    events.event("Shutting down.");
                    ShutdownSignals.forceOnNextInterrupt();
                    server.close();
                }
            } catch (IOException e) {
                console.event("Console input failed: " + e.getMessage() + ". The server keeps running.");
            }
        }, "chatroom-console");
        consoleThread.setDaemon(true);
        consoleThread.start();
        server.awaitClose();
        events.event("Server stopped.");
        console.close();
        if (log != null) log.close();
        return 0;
    }
}

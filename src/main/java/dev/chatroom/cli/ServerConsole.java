package dev.chatroom.cli;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.config.Values;
import dev.chatroom.launch.ChatServer;
import dev.chatroom.log.Event;
import dev.chatroom.log.EventSink;
import dev.chatroom.log.LogFormat;
import dev.chatroom.server.console.AdminConsole;
import dev.chatroom.server.console.AdminSession;
import dev.chatroom.server.console.Question;
import java.io.IOException;
import java.time.InstantSource;
import java.util.List;
import org.jline.terminal.TerminalBuilder;

/**
 * The server's own console: its terminal, or its standard input read line by line, and its
 * standard output (with the log file) where every event goes whether anyone reads or not.
 * Without a terminal, or when the terminal's console detaches, the server says once where an
 * admin can attach, and keeps running whatever standard input does.
 */
final class ServerConsole implements AdminSession, AutoCloseable {
    private final AdminConsole console;
    /** What the console prints: events as the log format has them (text: the sentence; json: a line each). */
    private final EventSink screen;

    private final EventSink log;

    private ServerConsole(AdminConsole console, LogFormat format, EventSink log) {
        this.console = console;
        this.screen = format.console(console, InstantSource.system());
        this.log = log;
    }

    /** On the terminal when interactive, else on standard input and output, events in the format; also to log. */
    static ServerConsole open(boolean interactive, LogFormat format, EventSink log) throws IOException {
        String name = "server console";
        return new ServerConsole(
                interactive
                        ? AdminConsole.terminal(
                                name, TerminalBuilder.builder().system(true).build())
                        : AdminConsole.lines(name, System.in, System.out, format == LogFormat.TEXT),
                format,
                log);
    }

    @Override
    public String name() {
        return console.name();
    }

    @Override
    public void event(String line) {
        screen.event(line);
        log.event(line);
    }

    @Override
    public void event(Event e) {
        screen.event(e);
        log.event(e);
    }

    @Override
    public void question(Question q) {
        console.question(q);
    }

    /**
     * Reads the console on a thread of its own until it ends; Ctrl-C or Ctrl-D at the terminal
     * stops the server. Without a terminal, says first where an admin can attach (what standard
     * input says may end, or never come: a service's /dev/null), or, with approve = ask and no
     * way to attach, that join requests will go unanswered.
     */
    void start(ServerConfig config, ChatServer server) {
        if (!console.interactive()) {
            List<String> ways = server.adminWays();
            event(
                    ways.isEmpty() && config.approve() == ServerConfig.ApprovalPolicy.ASK
                            ? Event.warn(
                                    "no_admin",
                                    "WARNING: approve = ask, but no admin can answer join requests beyond what standard"
                                            + " input says: no terminal, no admin socket, no ssh admin key (admin-keys), no"
                                            + " opers. Each request is refused when it expires (approval-timeout "
                                            + Values.format(config.approvalTimeout())
                                            + "). See 'Administering a running"
                                            + " server' in the README.")
                            : Event.info("admin_ways", unattended(ways)));
        }
        Thread reading = new Thread(
                () -> {
                    try {
                        AdminConsole.Ending end = console.run(server.admins().own(), this);
                        if (!console.interactive() || end == AdminConsole.Ending.STOPPED) return;
                        if (end == AdminConsole.Ending.INPUT_ENDED) {
                            event(Event.info("shutting_down", "Shutting down."));
                            ShutdownSignals.forceOnNextInterrupt();
                            server.close();
                        } else {
                            event(Event.info("admin_ways", unattended(server.adminWays())));
                        }
                    } catch (IOException e) {
                        screen.event(Event.warn(
                                "console_failed",
                                "Console input failed: " + e.getMessage() + ". The server keeps running."));
                    }
                },
                "chatroom-console");
        reading.setDaemon(true);
        reading.start();
    }

    /** "Admin console: chatroom admin console --data-dir DIR, ssh -p 2022 admin@host, or OPER" */
    static String unattended(List<String> ways) {
        if (ways.isEmpty()) return "No admin console now: no admin socket, no admin key for ssh, no opers.";
        if (ways.size() == 1) return "Admin console: " + ways.get(0);
        return "Admin console: " + String.join(", ", ways.subList(0, ways.size() - 1)) + ", or "
                + ways.get(ways.size() - 1);
    }

    @Override
    public void close() throws IOException {
        console.close();
    }
}

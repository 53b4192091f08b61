package dev.chatroom.cli;

import dev.chatroom.attach.RemoteConsole;
import dev.chatroom.config.ConfigFile;
import dev.chatroom.server.console.AdminConsole;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code chatroom admin console}: the admin console of a running server, through its admin
 * socket, the same as the server's own: on a terminal with line editing, or reading one command
 * a line from a script.
 */
@Command(
        name = "console",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Attach to the admin console of a running server: join requests, events and every console command, as on"
                    + " the server's own terminal. Ctrl-D or /detach leaves; the server keeps running (/shutdown stops"
                    + " it).",
            "Without a terminal, runs the commands read from standard input, one a line, and exits at its end.",
            "With neither --data-dir, --config nor --socket: the server's defaults, or "
                    + ConsoleSocket.SYSTEM_CONFIG_TEXT + " when it can be read."
        },
        footer = "Exit status: 0 detached, input ended or the server stopped; 1 no server running or the connection"
                + " broke; 2 bad options or config file.")
final class AdminConsoleCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ArgGroup(exclusive = true)
    ConsoleSocket.Where where;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Path socket;
        try {
            socket = ConsoleSocket.path(where, ConsoleSocket.SYSTEM_CONFIG);
        } catch (ConfigFile.ConfigException e) {
            err.println("chatroom: " + e.getMessage());
            return 2;
        }
        boolean interactive = System.console() != null;
        try (AdminConsole console = interactive
                ? AdminConsole.terminal(
                        "console", TerminalBuilder.builder().system(true).build())
                : AdminConsole.lines("console", System.in, System.out)) {
            RemoteConsole remote;
            try {
                remote = RemoteConsole.attach(socket, console);
            } catch (RemoteConsole.NoServer e) {
                err.println("chatroom: " + e.getMessage());
                return 1;
            }
            try (remote) {
                return run(console, remote);
            }
        }
    }

    /** Reads on a thread of its own, so that the server going away ends the command even while it waits for input. */
    private static int run(AdminConsole console, RemoteConsole remote) throws Exception {
        CompletableFuture<AdminConsole.Ending> reading = new CompletableFuture<>();
        Thread t = new Thread(
                () -> {
                    try {
                        reading.complete(console.run(remote, console));
                    } catch (Exception e) {
                        reading.completeExceptionally(e);
                    }
                },
                "admin-console");
        t.setDaemon(true);
        t.start();
        CompletableFuture.anyOf(reading, remote.ended()).join();
        if (reading.isDone() && !reading.isCompletedExceptionally() && reading.join() != AdminConsole.Ending.STOPPED)
            return 0;
        boolean stopped = remote.ended().join();
        console.event(stopped ? "The server stopped." : "chatroom: lost the connection to the server.");
        return stopped ? 0 : 1;
    }
}

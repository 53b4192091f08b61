package dev.chatroom.cli;

import dev.chatroom.client.PlainUi;
import dev.chatroom.client.Session;
import dev.chatroom.client.TerminalUi;
import dev.chatroom.client.Ui;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chatroom join}: the terminal client. */
@Command(name = "join", mixinStandardHelpOptions = true, versionProvider = dev.chatroom.Main.VersionProvider.class,
        description = {"Join a chat room. Everything you type goes to the whole room; type /help for commands.",
                "When stdin or stdout is not a terminal, lines are read from stdin and printed plainly (for scripts)."},
        footer = {"", "Commands: /private <user> <msg> (/msg), /color <color> <msg>, /me <action>, /users, /leave (/quit), /help, //text",
                "Exit status: 0 left, 1 cannot connect or connection lost, 2 bad usage, 3 rejected or name refused."})
public final class JoinCommand implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "localhost", paramLabel = "HOST", description = "Server to join (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "6667", paramLabel = "PORT", description = "Server port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--name", paramLabel = "NAME", description = "Your username; asked for when not given.")
    String name;

    @Option(names = "--no-color", description = "No colors (also when the NO_COLOR environment variable is set).")
    boolean noColor;

    @Option(names = "--color", description = "Colors even when the output is not a terminal.")
    boolean forceColor;

    @Override
    public Integer call() throws Exception {
        boolean interactive = System.console() != null;
        String noColorEnv = System.getenv("NO_COLOR");
        boolean color = !noColor && (forceColor || (interactive && (noColorEnv == null || noColorEnv.isEmpty())));
        try (Ui ui = interactive ? TerminalUi.system() : new PlainUi(System.in, System.out)) {
            return new Session(ui, host, port, name, color).run();
        }
    }
}

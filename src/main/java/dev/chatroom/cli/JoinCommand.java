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
        footer = {"", "Commands: /private <user> <msg> (/msg), /color <color> <msg>, /me <action>, /users, /join, /part, /rooms, /switch,",
                "/topic, /invite, /kick, /mode, /op, /voice, /nick, /away, /whois, /leave (/quit), /help, //text. Alt-1..9, Ctrl-N, Ctrl-P: rooms.",
                "Exit status: 0 left, 1 cannot connect, connection lost (with --no-reconnect), no answer, removed or banned,",
                "2 bad usage, 3 rejected or name refused."})
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

    @Option(names = "--no-reconnect", description = "Exit when the connection is lost instead of reconnecting (1 s doubling to 30 s, forever).")
    boolean noReconnect;

    @Option(names = "--no-status", description = "No status line at the bottom of the terminal.")
    boolean noStatus;

    @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "How long the server may take to answer the registration before giving up (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        boolean interactive = System.console() != null;
        String noColorEnv = System.getenv("NO_COLOR");
        boolean color = !noColor && (forceColor || (interactive && (noColorEnv == null || noColorEnv.isEmpty())));
        Session.Options options = new Session.Options(!noReconnect, timeoutSeconds * 1000L, 1_000, 30_000);
        try (Ui ui = interactive ? TerminalUi.system(!noStatus) : new PlainUi(System.in, System.out)) {
            return new Session(ui, host, port, name, color, options).run();
        }
    }
}

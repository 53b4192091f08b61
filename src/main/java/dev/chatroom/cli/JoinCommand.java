package dev.chatroom.cli;

import dev.chatroom.client.ClientCommands;
import dev.chatroom.client.ClientTls;
import dev.chatroom.client.KnownServers;
import dev.chatroom.client.Notifications;
import dev.chatroom.client.PlainUi;
import dev.chatroom.client.Preferences;
import dev.chatroom.client.ServerPassword;
import dev.chatroom.client.Session;
import dev.chatroom.client.SessionOptions;
import dev.chatroom.client.TerminalUi;
import dev.chatroom.client.Ui;
import dev.chatroom.client.Watchlist;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chatroom join}: the terminal client. */
@Command(
        name = "join",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Join a chat room. Everything you type goes to the whole room; type /help for commands.",
            "When stdin or stdout is not a terminal, lines are read from stdin and printed plainly (for scripts)."
        })
public final class JoinCommand implements Callable<Integer> {
    /** The command, with every slash command in its footer. */
    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new JoinCommand());
        List<String> footer = new ArrayList<>(List.of(""));
        List<String> commands = new ArrayList<>(ClientCommands.summary());
        commands.add("//text");
        footer.addAll(HelpText.list("Commands (/help in the chat says what each does): ", commands));
        footer.addAll(List.of(
                "Alt-1..9, Ctrl-N, Ctrl-P: rooms.",
                "Files in $XDG_CONFIG_HOME/chatroom (default ~/.config/chatroom): known_servers,",
                "client-cert.pem, preferences (rooms muted, people ignored).",
                "A server with a password: it is asked for unseen, or read from " + ServerPassword.ENVIRONMENT + ".",
                "Exit status: 0 left, 1 cannot connect, connection lost (with --no-reconnect), no answer, removed or banned,",
                "2 bad usage, 3 rejected, name refused, login or server password refused."));
        line.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
        return line;
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--host",
            defaultValue = "localhost",
            paramLabel = "HOST",
            description = "Server to join (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Server port (default: 6667, or 6697 with --tls).")
    Integer port;

    @Option(
            names = "--tls",
            description =
                    "Connect with TLS. A certificate no authority signed is shown once to accept, then pinned in known_servers.")
    boolean tls;

    @Option(
            names = "--insecure",
            description =
                    "With --tls: do not check the server's certificate at all (anyone on the way can read and change everything).")
    boolean insecure;

    @Option(
            names = "--cert",
            paramLabel = "FILE",
            description = "With --tls: present this client certificate (PEM) and log in with it (SASL EXTERNAL).")
    Path cert;

    @Option(
            names = "--key",
            paramLabel = "FILE",
            description = "The private key of --cert (PEM); default: the same file as --cert.")
    Path key;

    @Option(
            names = "--make-cert",
            description =
                    "Create a client certificate in the config directory for --cert, print its fingerprint, and exit.")
    boolean makeCert;

    @Option(
            names = "--login",
            description =
                    "Log in to your account: asks for its password unseen (or reads CHATROOM_PASSWORD). No keyring: it is never stored.")
    boolean login;

    @Option(
            names = "--account",
            paramLabel = "NAME",
            description = "The account to log in to (default: your username).")
    String account;

    @Option(names = "--name", paramLabel = "NAME", description = "Your username; asked for when not given.")
    String name;

    @Option(names = "--no-color", description = "No colors (also when the NO_COLOR environment variable is set).")
    boolean noColor;

    @Option(names = "--color", description = "Colors even when the output is not a terminal.")
    boolean forceColor;

    @Option(
            names = "--no-reconnect",
            description = "Exit when the connection is lost instead of reconnecting (1 s doubling to 30 s, forever).")
    boolean noReconnect;

    @Option(names = "--no-status", description = "No status line at the bottom of the terminal.")
    boolean noStatus;

    @Option(
            names = "--no-typing",
            description = "Neither tell others when you type nor show who is typing (\"bob is typing…\").")
    boolean noTyping;

    @Option(
            names = "--notify",
            defaultValue = "mentions",
            paramLabel = "all|mentions|none",
            description = "Which messages ring the bell and show a desktop notification while the terminal is not"
                    + " focused: private messages and mentions of your name (default), every message, or none.")
    String notify;

    @Option(
            names = "--timeout",
            defaultValue = "30",
            paramLabel = "SECONDS",
            description =
                    "How long the server may take to answer the registration before giving up (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        if (makeCert) return ClientCertificate.make(System.out, System.err);
        if ((insecure || cert != null) && !tls) {
            spec.commandLine().getErr().println("chatroom: --insecure and --cert need --tls");
            return 2;
        }
        if (key != null && cert == null) {
            spec.commandLine().getErr().println("chatroom: --key needs --cert");
            return 2;
        }
        ClientTls.Identity identity = null;
        if (cert != null) {
            try {
                identity = ClientTls.Identity.load(cert, key != null ? key : cert);
            } catch (IOException e) {
                spec.commandLine().getErr().println("chatroom: cannot use --cert " + cert + ": " + e.getMessage());
                return 2;
            }
        }
        Notifications.Level level = Notifications.Level.parse(notify);
        if (level == null) {
            spec.commandLine().getErr().println("chatroom: --notify is all, mentions or none");
            return 2;
        }
        Preferences preferences;
        try {
            preferences = Preferences.forUser();
        } catch (IOException e) {
            spec.commandLine().getErr().println("chatroom: cannot read the preferences: " + e.getMessage());
            return 2;
        }
        boolean interactive = System.console() != null;
        String noColorEnv = System.getenv("NO_COLOR");
        boolean color = !noColor && (forceColor || (interactive && (noColorEnv == null || noColorEnv.isEmpty())));
        SessionOptions options = new SessionOptions(!noReconnect, timeoutSeconds * 1000L, 1_000, 30_000, !noTyping);
        try (Ui ui = interactive ? TerminalUi.system(!noStatus) : new PlainUi(System.in, System.out)) {
            int p = port != null ? port : tls ? 6697 : 6667;
            Session session = new Session(ui, host, p, name, color, options).notifications(level, preferences);
            try {
                session.watchlist(Watchlist.forUser(host, p));
            } catch (IOException e) {
                ui.print("Cannot read the /notify list: " + e.getMessage() + "; it is kept for this session only.");
            }
            if (tls) {
                if (insecure)
                    ui.print(
                            "Warning: --insecure: the server's certificate is not checked; anyone on the way can read and change what you send.");
                session.tls(new ClientTls(insecure, identity, KnownServers.forUser(), new ClientTls.Asker() {
                    @Override
                    public ClientTls.Answer trust(String fingerprint) throws IOException {
                        if (!ui.interactive()) return ClientTls.Answer.CANNOT_ASK;
                        ui.print("The server's certificate is not signed by a known authority. SHA-256 fingerprint: "
                                + fingerprint);
                        String answer = ui.ask("Trust it? [y/N] ");
                        boolean yes = answer != null
                                && (answer.strip().equalsIgnoreCase("y")
                                        || answer.strip().equalsIgnoreCase("yes"));
                        return yes ? ClientTls.Answer.YES : ClientTls.Answer.NO;
                    }

                    @Override
                    public void tell(String text) {
                        ui.print(text);
                    }
                }));
            }
            session.serverPassword(System.getenv(ServerPassword.ENVIRONMENT));
            String secret = System.getenv("CHATROOM_PASSWORD");
            if (secret != null && secret.isEmpty()) secret = null;
            if (login && secret == null) {
                if (!ui.interactive()) {
                    ui.print("--login needs a terminal to ask for the password, or CHATROOM_PASSWORD.");
                    return 2;
                }
                session.loginAsking(account); // once the name is known
            }
            // a password logs in (and links the certificate presented with it); a certificate alone logs in by itself
            else if (secret != null) session.login(account, secret, false);
            else if (cert != null) session.login(account, null, true);
            return session.run();
        }
    }
}

package dev.chatroom.client;

import dev.chatroom.irc.Names;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run of {@code chatroom join}: asks for a name, connects, waits for the admin, then relays
 * what the user types and prints what happens, until the user leaves or the server closes.
 */
public final class Session {
    public static final int EXIT_OK = 0;
    public static final int EXIT_CONNECTION = 1;
    public static final int EXIT_USAGE = 2;
    /** The admin rejected us, the request expired, or the name was refused with no way to ask again. */
    public static final int EXIT_REFUSED = 3;

    private final Ui ui;
    private final String host;
    private final int port;
    private final String nameFromFlag;
    private final Render render;
    private final BlockingQueue<ClientEvent> outcomes = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private volatile ChatClient client;

    public Session(Ui ui, String host, int port, String name, boolean color) {
        this.ui = ui;
        this.host = host;
        this.port = port;
        this.nameFromFlag = name;
        this.render = new Render(color, () -> client == null ? null : client.nick(), java.time.ZoneId.systemDefault());
    }

    public int run() throws IOException, InterruptedException {
        String name = nameFromFlag != null ? nameFromFlag : askName();
        while (name != null && !Names.isValidNick(name)) {
            ui.print(Render.nameRefused(name, "not allowed"));
            if (!canAskAgain()) return EXIT_REFUSED;
            name = askName();
        }
        if (name == null) {
            ui.print("No username given.");
            return EXIT_USAGE;
        }
        client = new ChatClient(host, port, this::onEvent);
        try {
            client.connect();
        } catch (IOException e) {
            ui.print("Cannot reach " + host + ":" + port + ": " + e.getMessage());
            return EXIT_CONNECTION;
        }
        try {
            ui.completeNicksFrom(client::members);
            client.register(name);
            Integer refused = awaitAcceptance();
            if (refused != null) return refused;
            Thread input = new Thread(this::readInput, "chatroom-input");
            input.setDaemon(true);
            input.start();
            return exit.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            client.close();
        }
    }

    /** Null once accepted; otherwise the exit code. */
    private Integer awaitAcceptance() throws InterruptedException, IOException {
        while (true) {
            ClientEvent e = outcomes.take();
            if (e instanceof ClientEvent.Welcome) return null;
            if (e instanceof ClientEvent.Closed c) return exitCode(c);
            if (e instanceof ClientEvent.NameRefused) {
                if (!canAskAgain()) {
                    client.quit(null);
                    return EXIT_REFUSED;
                }
                String name = askName();
                while (name != null && !Names.isValidNick(name)) {
                    ui.print(Render.nameRefused(name, "not allowed"));
                    name = askName();
                }
                if (name == null) {
                    client.quit(null);
                    return EXIT_USAGE;
                }
                client.retryNick(name);
            }
        }
    }

    private boolean canAskAgain() {
        return ui.interactive() || nameFromFlag == null;
    }

    private String askName() throws IOException {
        String line = ui.readLine("Username: ");
        return line == null ? null : line.strip();
    }

    private void onEvent(ClientEvent e) {
        String text = render.render(e);
        if (text != null) ui.print(text);
        if (e instanceof ClientEvent.Welcome || e instanceof ClientEvent.NameRefused) outcomes.add(e);
        if (e instanceof ClientEvent.Closed c) {
            outcomes.add(c);
            exit.complete(exitCode(c));
        }
    }

    private static int exitCode(ClientEvent.Closed c) {
        if (c.byUs()) return EXIT_OK;
        return c.beforeAccepted() ? EXIT_REFUSED : EXIT_CONNECTION;
    }

    private void readInput() {
        try {
            while (!exit.isDone()) {
                String line = ui.readLine(client.nick() + "> ");
                if (line == null) {
                    leave(null);
                    return;
                }
                Action a = Input.parse(line);
                if (a instanceof Action.Send s) {
                    client.send(s);
                } else if (a instanceof Action.Leave l) {
                    leave(l.reason());
                    return;
                } else if (a instanceof Action.Users) {
                    client.requestMembers();
                } else if (a instanceof Action.Help) {
                    ui.print(Input.HELP);
                } else if (a instanceof Action.Problem p) {
                    ui.print(render.render(new ClientEvent.Problem(p.message())));
                }
            }
        } catch (IOException e) {
            leave(null);
        }
    }

    /** Sends QUIT and waits briefly for the server to close; closes anyway after that. */
    private void leave(String reason) {
        client.quit(reason);
        try {
            client.closed().get(3, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            client.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exit.complete(EXIT_OK);
    }
}

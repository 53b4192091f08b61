package dev.chatroom.server.console;

import dev.chatroom.server.Connection;
import dev.chatroom.server.Hub;
import dev.chatroom.server.Room;
import dev.chatroom.server.net.ChatServer;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * What the admin can type at the server console, answered with the text to show. The console
 * reads lines and prints; this class decides. Each command runs on the server's event loop, so
 * the room keeps going while the admin thinks.
 */
public final class AdminCommands {
    public static final String HELP = String.join("\n",
            "y / n                     accept / reject the oldest join request",
            "/accept <nick>            accept that request",
            "/reject <nick> [reason]   reject it, telling them the reason",
            "/pending                  the requests waiting, oldest first",
            "/users                    who is connected, by room",
            "/help                     this list");

    private final ChatServer server;

    public AdminCommands(ChatServer server) {
        this.server = server;
    }

    /**
     * Like {@link #execute}, but a y or n typed before anyone asked waits for the next request
     * (up to the given time): a script piped into the console answers requests as they come.
     */
    public String executeScripted(String line, java.time.Duration patience) throws InterruptedException {
        String verb = line.strip().toLowerCase(Locale.ROOT);
        if (List.of("y", "yes", "n", "no").contains(verb)) {
            long deadline = System.nanoTime() + patience.toNanos();
            while (!Boolean.TRUE.equals(onLoopValue(hub -> hub.approvals().size() > 0)) && System.nanoTime() < deadline) {
                Thread.sleep(50); // a human-scale wait for a request; not a test synchronisation
            }
        }
        return execute(line);
    }

    /** Runs one console line and returns what to print (empty for nothing). */
    public String execute(String line) {
        String input = line.strip();
        if (input.isEmpty()) return "";
        String[] words = input.split("\\s+", 3);
        String verb = words[0].toLowerCase(Locale.ROOT);
        return switch (verb) {
            case "y", "yes" -> onLoop(hub -> answerOldest(hub, true));
            case "n", "no" -> onLoop(hub -> answerOldest(hub, false));
            case "/accept" -> words.length < 2 ? "Usage: /accept <nick>" : onLoop(hub -> accept(hub, words[1]));
            case "/reject" -> words.length < 2
                    ? "Usage: /reject <nick> [reason]"
                    : onLoop(hub -> reject(hub, words[1], words.length > 2 ? words[2] : null));
            case "/pending" -> onLoop(AdminCommands::pending);
            case "/users" -> onLoop(AdminCommands::users);
            case "/help" -> HELP;
            default -> verb.startsWith("/")
                    ? "Unknown command " + words[0] + ". Type /help."
                    : "Type y or n to answer the oldest request, or /help.";
        };
    }

    private String onLoop(Function<Hub, String> f) {
        return onLoopValue(f);
    }

    private <T> T onLoopValue(Function<Hub, T> f) {
        try {
            return server.call(f).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The server did not answer: " + e, e);
        }
    }

    private static String answerOldest(Hub hub, boolean accept) {
        Connection oldest = hub.approvals().oldest();
        if (oldest == null) return "No one is waiting.";
        return answer(hub, oldest, accept, null);
    }

    private static String accept(Hub hub, String nick) {
        Connection c = findPending(hub, nick);
        return c == null ? "No request from " + nick + ". Type /pending." : answer(hub, c, true, null);
    }

    private static String reject(Hub hub, String nick, String reason) {
        Connection c = findPending(hub, nick);
        return c == null ? "No request from " + nick + ". Type /pending." : answer(hub, c, false, reason);
    }

    private static String answer(Hub hub, Connection c, boolean accept, String reason) {
        if (accept) hub.accept(c);
        else hub.reject(c, reason);
        Connection next = hub.approvals().oldest();
        if (next == null) return "";
        int others = hub.approvals().size() - 1;
        return "Next: " + next.nick() + " (" + next.host() + ") wants to join. Accept? [y/n]"
                + (others == 0 ? "" : " (" + others + " more waiting)");
    }

    private static Connection findPending(Hub hub, String nick) {
        Connection c = hub.nicks().find(nick);
        return c != null && c.state() == Connection.State.PENDING ? c : null;
    }

    private static String pending(Hub hub) {
        List<Connection> waiting = hub.approvals().inOrder();
        if (waiting.isEmpty()) return "No one is waiting.";
        StringJoiner out = new StringJoiner("\n", "Waiting (" + waiting.size() + "), oldest first:\n", "");
        long now = hub.now();
        for (Connection c : waiting) {
            out.add("  " + c.nick() + " (" + c.host() + "), waiting " + (now - c.connectedAtMillis()) / 1000 + " s");
        }
        return out.toString();
    }

    private static String users(Hub hub) {
        int registered = 0;
        for (Connection c : hub.connections()) if (c.isRegistered()) registered++;
        StringJoiner out = new StringJoiner("\n");
        out.add(registered + (registered == 1 ? " user" : " users") + " connected, " + hub.approvals().size() + " waiting.");
        for (Room r : hub.rooms().all()) {
            StringJoiner names = new StringJoiner(" ");
            for (Connection m : r.members()) names.add((r.isOperator(m) ? "@" : "") + m.nick() + (m.away() != null ? " (away)" : ""));
            out.add("  " + r.name() + " (" + r.size() + "): " + names);
        }
        return out.toString();
    }
}

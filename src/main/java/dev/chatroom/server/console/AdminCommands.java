package dev.chatroom.server.console;

import dev.chatroom.server.Bans;
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
            "/kick <nick> [reason]     remove someone (they may come back)",
            "/ban <nick|ip|mask> [reason]   disconnect and keep out (nick!user@host masks, * and ?)",
            "/unban <nick|ip|mask>     lift a ban",
            "/bans                     the bans",
            "/mute <nick> [minutes]    keep someone from talking (until /unmute if no minutes)",
            "/unmute <nick>            let them talk again",
            "/say <text>               an announcement to everyone",
            "/topic [text]             show or set the room's topic",
            "/stats                    uptime, users, traffic, disconnects",
            "/shutdown [reason]        tell everyone and stop the server",
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
            case "/kick" -> words.length < 2 ? "Usage: /kick <nick> [reason]" : onLoop(hub -> kick(hub, words[1], rest(words)));
            case "/ban" -> words.length < 2 ? "Usage: /ban <nick|ip|mask> [reason]" : onLoop(hub -> ban(hub, words[1], rest(words)));
            case "/unban" -> words.length < 2 ? "Usage: /unban <nick|ip|mask>" : onLoop(hub -> unban(hub, words[1]));
            case "/bans" -> onLoop(AdminCommands::bans);
            case "/mute" -> words.length < 2 ? "Usage: /mute <nick> [minutes]" : mute(words[1], rest(words));
            case "/unmute" -> words.length < 2 ? "Usage: /unmute <nick>" : onLoop(hub -> unmute(hub, words[1]));
            case "/say" -> input.length() <= 4 || input.substring(4).isBlank() ? "Usage: /say <text>" : onLoop(hub -> {
                hub.announce(input.substring(5).strip());
                return "";
            });
            case "/topic" -> onLoop(hub -> topic(hub, input.length() > 6 ? input.substring(7).strip() : ""));
            case "/stats" -> onLoop(AdminCommands::stats);
            case "/shutdown" -> {
                server.close(input.length() > 9 ? input.substring(10).strip() : null);
                yield "Server stopped.";
            }
            case "/help" -> HELP;
            default -> verb.startsWith("/")
                    ? "Unknown command " + words[0] + ". Type /help."
                    : "Type y or n to answer the oldest request, or /help.";
        };
    }

    private static String rest(String[] words) {
        return words.length > 2 ? words[2] : null;
    }

    private static Connection findUser(Hub hub, String nick) {
        Connection c = hub.nicks().find(nick);
        return c != null && c.isRegistered() ? c : null;
    }

    private static String kick(Hub hub, String nick, String reason) {
        Connection c = findUser(hub, nick);
        if (c == null) return "No user " + nick + ".";
        hub.kick(c, reason);
        return "";
    }

    private static String ban(Hub hub, String target, String reason) {
        String mask = Bans.normalize(target);
        if (!Bans.validMask(mask)) return "Not a nick, address or nick!user@host mask: " + target;
        List<String> gone = hub.ban(mask, reason);
        String result = "Banned " + mask + (reason == null ? "" : " (" + reason + ")") + "."
                + (gone.isEmpty() ? "" : " Disconnected: " + String.join(", ", gone) + ".");
        try {
            hub.bans().save();
        } catch (java.io.IOException e) {
            result += " The ban holds until restart, but saving it failed: " + e.getMessage();
        }
        return result;
    }

    private static String unban(Hub hub, String target) {
        String mask = Bans.normalize(target);
        if (!hub.bans().remove(mask)) return "No ban on " + mask + ". Type /bans.";
        try {
            hub.bans().save();
        } catch (java.io.IOException e) {
            return "Unbanned " + mask + " until restart, but saving failed: " + e.getMessage();
        }
        return "Unbanned " + mask + ".";
    }

    private static String bans(Hub hub) {
        if (hub.bans().all().isEmpty()) return "No bans.";
        StringJoiner out = new StringJoiner("\n", "Bans (" + hub.bans().all().size() + "):\n", "");
        for (Bans.Ban b : hub.bans().all()) {
            out.add("  " + b.mask() + (b.reason().isEmpty() ? "" : " (" + b.reason() + ")") + ", since " + b.since());
        }
        return out.toString();
    }

    private String mute(String nick, String minutesText) {
        long minutes;
        try {
            minutes = minutesText == null ? 0 : Long.parseLong(minutesText.strip());
            if (minutes < 0 || minutes > 525_600) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            return "Usage: /mute <nick> [minutes], minutes a whole number up to 525600";
        }
        return onLoop(hub -> {
            Connection c = findUser(hub, nick);
            if (c == null) return "No user " + nick + ".";
            long until = minutes == 0 ? Long.MAX_VALUE : hub.now() + minutes * 60_000;
            String howLong = minutes == 0 ? "" : " for " + minutes + (minutes == 1 ? " minute" : " minutes");
            hub.mute(c, until, howLong);
            return "Muted " + c.nick() + (minutes == 0 ? " until /unmute." : howLong + ".");
        });
    }

    private static String unmute(Hub hub, String nick) {
        Connection c = findUser(hub, nick);
        if (c == null) return "No user " + nick + ".";
        if (!c.mutedAt(hub.now())) return nick + " is not muted.";
        hub.unmute(c);
        return "Unmuted " + c.nick() + ".";
    }

    private static String topic(Hub hub, String text) {
        String name = hub.config().defaultRoom();
        Room r = name == null ? null : hub.rooms().find(name);
        if (r == null) return "This server has no default room.";
        if (text.isEmpty()) return r.topic() == null ? "No topic is set. Usage: /topic <text>" : "Topic of " + r.name() + ": " + r.topic();
        hub.setTopic(r, text.length() > dev.chatroom.irc.Names.TOPIC_MAX ? text.substring(0, dev.chatroom.irc.Names.TOPIC_MAX) : text, hub.serverName());
        return "Topic of " + r.name() + " set.";
    }

    private static String stats(Hub hub) {
        int registered = 0;
        for (Connection c : hub.connections()) if (c.isRegistered()) registered++;
        long up = (hub.now() - hub.stats().startedMillis()) / 1000;
        StringJoiner out = new StringJoiner("\n");
        out.add(String.format("Up %dd %02dh %02dm %02ds", up / 86400, up / 3600 % 24, up / 60 % 60, up % 60));
        out.add("Connected: " + registered + " in the chat, " + hub.approvals().size() + " waiting, "
                + (hub.connections().size() - registered - hub.approvals().size()) + " registering");
        out.add("Messages relayed: " + hub.stats().messagesRelayed());
        out.add("Bytes in: " + hub.stats().bytesIn() + ", out: " + hub.stats().bytesOut());
        StringJoiner gone = new StringJoiner(", ");
        hub.stats().disconnects().forEach((k, v) -> gone.add(k + " " + v));
        out.add("Disconnects: " + (gone.length() == 0 ? "none" : gone.toString()));
        return out.toString();
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

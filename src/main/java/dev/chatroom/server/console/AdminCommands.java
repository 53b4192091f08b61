package dev.chatroom.server.console;

import dev.chatroom.store.ServerBan;

import dev.chatroom.server.BanList;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Hub;
import dev.chatroom.server.ServerAccess;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * What the admin can type at the server console, answered with the one line (or block) to show.
 * The console reads and prints; this class decides. Each command runs on the server's event
 * loop, so the room keeps going while the admin thinks. An admin command reports its own
 * effect; the hub's events report only what others did.
 */
public final class AdminCommands {
    public static final String HELP = String.join("\n",
            "y / n / a                 accept / reject the oldest join request; a: accept and allow its account always",
            "/accept <nick> [always]   accept that request (always: put its account on the allow list)",
            "/reject <nick> [reason]   reject it, telling them the reason",
            "/pending                  the requests waiting, oldest first",
            "/users                    who is connected, by room",
            "/kick <nick> [#room] [reason]  remove someone from the chat, or from one room (they may come back)",
            "/ban <nick|ip|mask|key:SHA256:...> [#room] [reason]   disconnect and keep out (nick!user@host masks, * and ?; an ssh key), or keep out of one room",
            "/unban <nick|ip|mask> [#room]  lift a ban",
            "/bans                     the bans",
            "/mute <nick> [#room] [minutes] keep someone from talking (until /unmute if no minutes)",
            "/unmute <nick> [#room]    let them talk again",
            "/say <text>               an announcement to everyone",
            "/topic [#room] [text]     show or set a room's topic (default: the main room)",
            "/op <nick> [#room]        make someone a channel operator (/deop takes it back)",
            "/voice <nick> [#room]     let someone speak in a moderated room (/devoice takes it back)",
            "/mode [#room] [modes [args]]   show or set a room's modes as the server (e.g. +m, +k key, +l 50)",
            "/accounts                 the registered accounts",
            "/drop <account>           delete an account (its name is free again)",
            "/resetpass <account>      print a one-time password for it",
            "/certs <account>          the client certificates that log in to it; /unlink <account> <fingerprint> removes one",
            "/allow <account|key:SHA256:...>   its logins (or that ssh key) skip the queue",
            "/deny <account|key:SHA256:...> [reason]  refuse its logins (or that ssh key)",
            "/allowlist                who is allowed and denied",
            "/purge <#room|nick>       erase a room's history, or everything a person (nick or account) said and was sent privately",
            "/reload                   read the TLS certificate files again (also SIGHUP)",
            "/stats                    uptime, users, traffic, disconnects",
            "/shutdown [reason]        tell everyone and stop the server",
            "/help                     this list");

    /** An answer starting with this is shown on the console only, never written to the log file (a one-time password). */
    public static final String CONSOLE_ONLY = "\u0000console-only\u0000";

    private final ServerAccess server;
    private volatile boolean stopped;

    public AdminCommands(ServerAccess server) {
        this.server = server;
    }

    /** Waits (on the console's thread, never the loop's) for the store to say how many messages went. */
    private String purge(String who) {
        boolean room = dev.chatroom.irc.Names.isChannel(who);
        String key = dev.chatroom.irc.Casemapping.fold(who);
        java.util.concurrent.CompletableFuture<Integer> removed = new java.util.concurrent.CompletableFuture<>();
        onLoop(hub -> {
            hub.history().purge(room ? key : null, room ? null : key, removed::complete);
            hub.replication().purged(room ? key : null, room ? null : key);
            return "";
        });
        try {
            int n = removed.get(30, TimeUnit.SECONDS);
            if (n < 0) return "Could not erase the history of " + who + " (see the message above).";
            String what = room ? "said in " + who : "said by or sent privately to " + who;
            return "Removed " + n + " message" + (n == 1 ? "" : "s") + " " + what + " from the history.";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Interrupted.";
        } catch (ExecutionException | TimeoutException e) {
            return "The history did not answer in time; the erasing goes on in the background.";
        }
    }

    /** True once /shutdown ran: the console stops reading. */
    public boolean stopped() {
        return stopped;
    }

    /**
     * Like {@link #execute}, but a y or n typed before anyone asked waits for the next request
     * (up to the given time): a script piped into the console answers requests as they come.
     */
    public String executeScripted(String line, Duration patience) throws InterruptedException {
        String verb = line.strip().toLowerCase(Locale.ROOT);
        if (List.of("y", "yes", "n", "no").contains(verb)) {
            long deadline = System.nanoTime() + patience.toNanos();
            while (!Boolean.TRUE.equals(onLoop(hub -> hub.gate().approvals().size() > 0)) && System.nanoTime() < deadline) {
                Thread.sleep(50); // a human-scale wait for a request; not a test synchronisation
            }
        }
        return execute(line);
    }

    /**
     * Runs a console line the cluster relayed (on the loop, in the cluster's order) and returns what
     * to print here: the answer shows on the console that typed it (mine) only, and never a
     * console-only secret, which stays on the console whose own command printed it.
     */
    public String executeRelayed(String line, boolean mine) {
        String answer = execute(line);
        return mine && !answer.startsWith(CONSOLE_ONLY) ? answer : "";
    }

    /** Runs one console line and returns what to print (empty for nothing). */
    public String execute(String line) {
        String input = line.strip();
        if (input.isEmpty()) return "";
        String[] words = input.split("\\s+", 3);
        String verb = words[0].toLowerCase(Locale.ROOT);
        String arg = words.length > 1 ? words[1] : null;
        String rest = words.length > 2 ? words[2] : null;
        String text = input.indexOf(' ') < 0 ? "" : input.substring(input.indexOf(' ') + 1).strip();
        String relayed = ClusterRelay.line(verb, input, arg, text, this::onLoop);
        if (relayed != null && Boolean.TRUE.equals(onLoop(hub -> hub.replication().relayConsole(relayed)))) return "";
        return switch (verb) {
            case "y", "yes" -> onLoop(hub -> Approving.answerOldest(hub, true, false));
            case "n", "no" -> onLoop(hub -> Approving.answerOldest(hub, false, false));
            case "a", "always" -> onLoop(hub -> Approving.answerOldest(hub, true, true));
            case "/accept" -> arg == null ? "Usage: /accept <nick> [always]"
                    : rest != null && !rest.strip().equalsIgnoreCase("always") ? "Usage: /accept <nick> [always]"
                    : onLoop(hub -> Approving.accept(hub, arg, rest != null));
            case "/accounts" -> onLoop(AccountAdmin::accounts);
            case "/drop" -> arg == null ? "Usage: /drop <account>" : onLoop(hub -> AccountAdmin.drop(hub, arg));
            case "/resetpass" -> arg == null ? "Usage: /resetpass <account>" : resetPassword(arg);
            case "/allow" -> !validName(arg) ? "Usage: /allow <account|key:SHA256:...>" : onLoop(hub -> AccountAdmin.allow(hub, arg));
            case "/deny" -> !validName(arg) ? "Usage: /deny <account|key:SHA256:...> [reason]" : onLoop(hub -> AccountAdmin.deny(hub, arg, rest));
            case "/allowlist" -> onLoop(AccountAdmin::allowList);
            case "/certs" -> arg == null ? "Usage: /certs <account>" : onLoop(hub -> AccountAdmin.certificates(hub, arg));
            case "/unlink" -> arg == null || rest == null ? "Usage: /unlink <account> <fingerprint>"
                    : onLoop(hub -> AccountAdmin.unlink(hub, arg, rest.strip()));
            case "/reload" -> server.reloadTls();
            case "/purge" -> arg == null ? "Usage: /purge <#room|nick>" : purge(arg);
            case "/reject" -> arg == null ? "Usage: /reject <nick> [reason]" : onLoop(hub -> Approving.reject(hub, arg, rest));
            case "/pending" -> onLoop(Reports::pending);
            case "/users" -> onLoop(Reports::users);
            case "/kick" -> arg == null ? "Usage: /kick <nick> [#room] [reason]"
                    : inRoom(rest) ? onLoop(hub -> RoomAdmin.kick(hub, arg, first(rest), after(rest))) : onLoop(hub -> kick(hub, arg, rest));
            case "/ban" -> arg == null ? "Usage: /ban <nick|ip|mask> [#room] [reason]"
                    : inRoom(rest) ? onLoop(hub -> RoomAdmin.ban(hub, arg, first(rest), after(rest))) : onLoop(hub -> ban(hub, arg, rest));
            case "/unban" -> arg == null ? "Usage: /unban <nick|ip|mask> [#room]"
                    : inRoom(rest) ? onLoop(hub -> RoomAdmin.unban(hub, arg, first(rest))) : onLoop(hub -> unban(hub, arg));
            case "/bans" -> onLoop(Reports::bans);
            case "/mute" -> arg == null ? "Usage: /mute <nick> [#room] [minutes]" : mute(arg, rest);
            case "/unmute" -> arg == null ? "Usage: /unmute <nick> [#room]"
                    : inRoom(rest) ? onLoop(hub -> RoomAdmin.mute(hub, arg, first(rest), 0, "")) : onLoop(hub -> unmute(hub, arg));
            case "/say" -> text.isEmpty() ? "Usage: /say <text>" : onLoop(hub -> say(hub, text));
            case "/topic" -> onLoop(hub -> inRoom(text) ? RoomAdmin.topic(hub, first(text), after(text) == null ? "" : after(text)) : RoomAdmin.topic(hub, null, text));
            case "/op", "/deop", "/voice", "/devoice" -> arg == null ? "Usage: " + verb + " <nick> [#room]"
                    : onLoop(hub -> RoomAdmin.status(hub, statusLetters(verb), arg, inRoom(rest) ? first(rest) : null));
            case "/mode" -> {
                String[] m = text.isEmpty() ? new String[0] : text.split("\\s+");
                int i = m.length > 0 && m[0].startsWith("#") ? 1 : 0;
                String room = i == 1 ? m[0] : null;
                String modes = m.length > i ? m[i] : null;
                List<String> args = m.length > i + 1 ? List.of(m).subList(i + 1, m.length) : List.of();
                yield onLoop(hub -> RoomAdmin.mode(hub, room, modes, args));
            }
            case "/stats" -> onLoop(Reports::stats);
            case "/shutdown" -> {
                stopped = true;
                server.shutdown(text.isEmpty() ? null : text);
                yield "";
            }
            case "/help" -> HELP;
            default -> verb.startsWith("/") ? "Unknown command " + words[0] + ". Type /help." : "Type y or n to answer the oldest request, or /help.";
        };
    }

    private static boolean inRoom(String rest) {
        return rest != null && rest.startsWith("#");
    }

    private static String first(String rest) {
        int sp = rest.indexOf(' ');
        return sp < 0 ? rest : rest.substring(0, sp);
    }

    /** What follows the first word, or null. */
    private static String after(String rest) {
        int sp = rest.indexOf(' ');
        String r = sp < 0 ? "" : rest.substring(sp + 1).strip();
        return r.isEmpty() ? null : r;
    }

    private static String statusLetters(String verb) {
        return switch (verb) {
            case "/op" -> "+o";
            case "/deop" -> "-o";
            case "/voice" -> "+v";
            default -> "-v";
        };
    }

    /** An account name, or an ssh key as key:SHA256:... */
    private static boolean validName(String name) {
        return name != null && (dev.chatroom.irc.Names.isValidNick(name) || name.matches("key:SHA256:[A-Za-z0-9+/=]{20,}"));
    }

    /** The one-time password is made and hashed here, on the console's thread, and shown only here (never logged). */
    private String resetPassword(String name) {
        if (!Boolean.TRUE.equals(onLoop(hub -> hub.logins().accounts().find(name) != null))) return "No account " + name + ". Type /accounts.";
        String password = AccountAdmin.newOneTimePassword();
        String hash = onLoop(hub -> hub.logins().hasher()).hash(password);
        if (!onLoop(hub -> AccountAdmin.setOneTime(hub, name, hash))) return "No account " + name + ". Type /accounts.";
        return CONSOLE_ONLY + "One-time password for " + name + ": " + password + "\nIt works for one login (SASL PLAIN); then they set their own with /passwd.";
    }

    static Connection findUser(Hub hub, String nick) {
        return hub.users().findRegistered(nick);
    }

    private static String kick(Hub hub, String nick, String reason) {
        Connection c = findUser(hub, nick);
        if (c == null) return "No user " + nick + ".";
        String who = c.nick();
        hub.moderation().kick(c, reason);
        return "* " + who + " was removed by the admin" + (reason == null ? "." : " (" + reason.strip() + ").");
    }

    private static String ban(Hub hub, String target, String reason) {
        String mask = BanList.normalize(target);
        if (!ServerBan.validMask(mask)) return "Not a nick, address or nick!user@host mask: " + target;
        List<String> gone = hub.moderation().ban(mask, reason);
        return "Banned " + mask + (reason == null ? "" : " (" + reason.strip() + ")") + "."
                + (gone.isEmpty() ? "" : " Disconnected: " + String.join(", ", gone) + ".");
    }

    private static String unban(Hub hub, String target) {
        String mask = BanList.normalize(target);
        return hub.moderation().unban(mask) ? "Unbanned " + mask + "." : "No ban on " + mask + ". Type /bans.";
    }

    private String mute(String nick, String rest) {
        String room = inRoom(rest) ? first(rest) : null;
        String minutesText = room == null ? rest : after(rest);
        long minutes;
        try {
            minutes = minutesText == null ? 0 : Long.parseLong(minutesText.strip());
            if (minutes < 0 || minutes > 525_600) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            return "Usage: /mute <nick> [#room] [minutes], minutes a whole number up to 525600";
        }
        return onLoop(hub -> {
            long until = minutes == 0 ? Long.MAX_VALUE : hub.clock().millis() + minutes * 60_000;
            String howLong = minutes == 0 ? "" : " for " + minutes + (minutes == 1 ? " minute" : " minutes");
            if (room != null) return RoomAdmin.mute(hub, nick, room, until, howLong);
            Connection c = findUser(hub, nick);
            if (c == null) return "No user " + nick + ".";
            hub.moderation().mute(c, until, howLong);
            return "Muted " + c.nick() + (minutes == 0 ? " until /unmute." : howLong + ".");
        });
    }

    private static String unmute(Hub hub, String nick) {
        Connection c = findUser(hub, nick);
        if (c == null) return "No user " + nick + ".";
        return hub.moderation().unmute(c) ? "Unmuted " + c.nick() + "." : c.nick() + " is not muted.";
    }

    private static String say(Hub hub, String text) {
        int reached = hub.moderation().announce(text);
        return "*** " + text + " (sent to " + reached + (reached == 1 ? " user)" : " users)");
    }

    private <T> T onLoop(Function<Hub, T> f) {
        try {
            return server.call(f).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The server did not answer: " + e, e);
        }
    }
}

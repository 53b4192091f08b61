package dev.chatroom.client;

import dev.chatroom.irc.Colors;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** Turns a line the user typed into an {@link Action}: plain text, or one of the slash commands. */
public final class Input {
    public static final List<String> COMMANDS = List.of("/color", "/private", "/msg", "/me", "/users", "/leave", "/quit", "/help",
            "/join", "/part", "/rooms", "/switch", "/topic", "/invite", "/kick", "/mode", "/op", "/deop", "/voice", "/devoice",
            "/nick", "/away", "/whois", "/register", "/passwd", "/history", "/search");

    public static final String HELP = String.join("\n",
            "Everything you type goes to the room you are in. Commands:",
            "  /private <user> <message>              to one person only (alias /msg)",
            "  /color <color> <message>               a message in color",
            "  /private <user> /color <color> <msg>   both",
            "  /me <action>                           an action: * you wave",
            "  /users                                 who is in the room",
            "  /join #room [key]   /part [#room] [reason]   /rooms (every room)   /switch #room",
            "  Alt-1..9, Ctrl-N, Ctrl-P               change room (the status line numbers them)",
            "  /topic [text]   /invite <user>   /kick <user> [reason]   /mode [#room] <modes>",
            "  /op <user>   /deop <user>   /voice <user>   /devoice <user>   (channel operators)",
            "  /nick <name>   /away [text]   /whois <user>",
            "  /history [#room|user] [n]              n earlier messages (default 50, at most 1000)",
            "  /search <words>                        messages of your rooms and conversations with all the words",
            "  /register [password]   /passwd [new password]   your name as an account (alone: asked unseen; logged-in names show a \u2713)",
            "  /leave                                 leave the chat (alias /quit)",
            "  /help                                  this list",
            "  //text                                 send text that starts with /",
            "Colors: " + String.join(", ", Colors.names()) + " (and megenta, purple, gray, ...)");

    /** Stands for a password still to be asked for (masked) in an {@link Action.Server} line. */
    static final String ASK_PASSWORD = "\0password";

    private Input() {}

    public static Action parse(String line) {
        if (line.isBlank()) return new Action.Nothing();
        if (line.startsWith("//")) return new Action.Send(null, line.substring(1), false);
        if (!line.startsWith("/")) return new Action.Send(null, line, false);
        String[] head = line.split("\\s+", 2);
        String verb = head[0].toLowerCase(Locale.ROOT);
        String rest = head.length > 1 ? head[1].strip() : "";
        return switch (verb) {
            case "/color" -> colored(null, rest);
            case "/private", "/msg" -> privately(rest);
            case "/me" -> rest.isEmpty() ? new Action.Problem("Usage: /me <action>") : new Action.Send(null, rest, true);
            case "/leave", "/quit" -> new Action.Leave(rest.isEmpty() ? null : rest);
            case "/users" -> new Action.Users();
            case "/help" -> new Action.Help();
            case "/join" -> join(rest);
            case "/part" -> rest.startsWith("#") ? new Action.Part(word(rest, 0), after(rest)) : new Action.Part(null, rest.isEmpty() ? null : rest);
            case "/rooms", "/list" -> new Action.Rooms();
            case "/switch" -> rest.isEmpty() ? new Action.Problem("Usage: /switch #room") : new Action.Switch(word(rest, 0));
            case "/topic" -> new Action.Server(rest.isEmpty() ? "TOPIC {room}" : "TOPIC {room} :" + rest);
            case "/invite" -> rest.isEmpty() ? new Action.Problem("Usage: /invite <user>") : new Action.Server("INVITE " + word(rest, 0) + " {room}");
            case "/kick" -> rest.isEmpty() ? new Action.Problem("Usage: /kick <user> [reason]")
                    : new Action.Server("KICK {room} " + word(rest, 0) + (after(rest) == null ? "" : " :" + after(rest)));
            case "/mode" -> rest.isEmpty() ? new Action.Server("MODE {room}")
                    : new Action.Server(rest.startsWith("#") ? "MODE " + rest : "MODE {room} " + rest);
            case "/op", "/deop", "/voice", "/devoice" -> rest.isEmpty() ? new Action.Problem("Usage: " + verb + " <user>")
                    : new Action.Server("MODE {room} " + switch (verb) {
                        case "/op" -> "+o ";
                        case "/deop" -> "-o ";
                        case "/voice" -> "+v ";
                        default -> "-v ";
                    } + word(rest, 0));
            // alone, they ask for the password without showing it
            case "/register" -> new Action.Server("REGISTER * * :" + (rest.isEmpty() ? ASK_PASSWORD : rest));
            case "/passwd" -> new Action.Server("SETPASS :" + (rest.isEmpty() ? ASK_PASSWORD : rest));
            case "/nick" -> rest.isEmpty() ? new Action.Problem("Usage: /nick <name>") : new Action.Server("NICK " + word(rest, 0));
            case "/away" -> new Action.Server(rest.isEmpty() ? "AWAY" : "AWAY :" + rest);
            case "/history" -> history(rest);
            case "/search" -> rest.isEmpty() ? new Action.Problem("Usage: /search <words>") : new Action.Search(rest);
            case "/whois" -> rest.isEmpty() ? new Action.Problem("Usage: /whois <user>") : new Action.Server("WHOIS " + word(rest, 0));
            default -> new Action.Problem("Unknown command " + head[0] + ". Type /help.");
        };
    }

    private static Action history(String rest) {
        String target = null;
        int count = HistoryRequests.ON_JOIN;
        String[] words = rest.isEmpty() ? new String[0] : rest.split("\\s+");
        for (String w : words) {
            if (w.matches("\\d{1,9}")) count = Integer.parseInt(w);
            else if (target == null) target = w;
            else count = -1;
        }
        if (words.length > 2 || count < 1 || count > HistoryRequests.MAX) return new Action.Problem("Usage: /history [#room|user] [1-1000]");
        return new Action.History(target, count);
    }

    private static Action join(String rest) {
        if (rest.isEmpty()) return new Action.Problem("Usage: /join #room [key]");
        String room = word(rest, 0);
        if (!room.startsWith("#")) room = "#" + room;
        return new Action.Join(room, after(rest));
    }

    private static String word(String rest, int i) {
        String[] w = rest.split("\\s+");
        return i < w.length ? w[i] : "";
    }

    /** What follows the first word, or null. */
    private static String after(String rest) {
        String[] w = rest.split("\\s+", 2);
        return w.length < 2 || w[1].isBlank() ? null : w[1].strip();
    }

    private static Action privately(String rest) {
        String[] parts = rest.split("\\s+", 2);
        if (rest.isEmpty() || parts.length < 2 || parts[1].isBlank()) {
            return new Action.Problem("Usage: /private <user> <message>");
        }
        String to = parts[0];
        String message = parts[1].strip();
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.equals("/color") || lower.startsWith("/color ")) return colored(to, message.substring(6).strip());
        if (lower.equals("/me") || lower.startsWith("/me ")) {
            String act = message.substring(3).strip();
            return act.isEmpty() ? new Action.Problem("Usage: /private <user> /me <action>") : new Action.Send(to, act, true);
        }
        if (message.startsWith("//")) message = message.substring(1);
        return new Action.Send(to, message, false);
    }

    private static Action colored(String to, String rest) {
        String usage = to == null ? "Usage: /color <color> <message>" : "Usage: /private <user> /color <color> <message>";
        String[] parts = rest.split("\\s+", 2);
        if (rest.isEmpty() || parts.length < 2 || parts[1].isBlank()) return new Action.Problem(usage);
        OptionalInt code = Colors.code(parts[0]);
        if (code.isEmpty()) {
            return new Action.Problem("Unknown color " + parts[0] + ". Colors: " + String.join(", ", Colors.names()) + ".");
        }
        return new Action.Send(to, Colors.colorize(code.getAsInt(), parts[1].strip()), false);
    }
}

package dev.chatroom.client;

import dev.chatroom.irc.Colors;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** Turns a line the user typed into an {@link Action}: plain text, or one of the slash commands. */
public final class Input {
    public static final List<String> COMMANDS = List.of("/color", "/private", "/msg", "/me", "/users", "/leave", "/quit", "/help");

    public static final String HELP = String.join("\n",
            "Everything you type goes to the whole room. Commands:",
            "  /private <user> <message>              to one person only (alias /msg)",
            "  /color <color> <message>               a message in color",
            "  /private <user> /color <color> <msg>   both",
            "  /me <action>                           an action: * you wave",
            "  /users                                 who is in the room",
            "  /leave                                 leave the chat (alias /quit)",
            "  /help                                  this list",
            "  //text                                 send text that starts with /",
            "Colors: " + String.join(", ", Colors.names()) + " (and megenta, purple, gray, ...)");

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
            default -> new Action.Problem("Unknown command " + head[0] + ". Type /help.");
        };
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

package dev.chatroom.client;

import dev.chatroom.irc.Colors;
import java.util.Locale;
import java.util.OptionalInt;

/** Turns a line the user typed into an {@link Action}: plain text, or one of the slash commands of {@link ClientCommands}. */
public final class Input {
    /** Stands for a password still to be asked for (masked) in an {@link Action.Server} line. */
    static final String ASK_PASSWORD = "\0password";
    /** Stands for the current password, still to be asked for (masked), in a SETPASS line. */
    static final String ASK_CURRENT_PASSWORD = "\0current";

    private Input() {}

    public static Action parse(String line) {
        if (line.isBlank()) return new Action.Nothing();
        if (line.startsWith("//")) return new Action.Send(null, line.substring(1), false);
        if (!line.startsWith("/")) return new Action.Send(null, line, false);
        String[] head = line.split("\\s+", 2);
        String rest = head.length > 1 ? head[1].strip() : "";
        ClientCommand command = ClientCommands.find(head[0].toLowerCase(Locale.ROOT));
        if (command == null) return new Action.Problem("Unknown command " + head[0] + ". Type /help.");
        int words = rest.isEmpty() ? 0 : rest.split("\\s+", 2).length;
        if (words < command.minWords()) return new Action.Problem("Usage: " + command.usage());
        return command.parser().apply(rest);
    }

    /** /notify add|del name, /notify list, /notify alone. */
    static Action notify(String rest) {
        String verb = rest.isEmpty() ? "list" : word(rest, 0).toLowerCase(Locale.ROOT);
        String nick = word(rest, 1);
        if (verb.equals("list") && nick.isEmpty()) return new Action.Notify("list", null);
        if ((verb.equals("add") || verb.equals("del")) && !nick.isEmpty()) return new Action.Notify(verb, nick);
        return new Action.Problem("Usage: /notify add <user>, /notify del <user>, /notify list");
    }

    static Action history(String rest) {
        String target = null;
        int count = HistoryRequests.ON_JOIN;
        String[] words = rest.isEmpty() ? new String[0] : rest.split("\\s+");
        for (String w : words) {
            if (w.matches("\\d{1,9}")) count = Integer.parseInt(w);
            else if (target == null) target = w;
            else count = -1;
        }
        if (words.length > 2 || count < 1 || count > HistoryRequests.MAX)
            return new Action.Problem("Usage: /history [#room|user] [1-1000]");
        return new Action.History(target, count);
    }

    static Action delete(String rest) {
        String target = null;
        int nth = 1;
        String[] words = rest.isEmpty() ? new String[0] : rest.split("\\s+");
        for (String w : words) {
            if (w.matches("\\d{1,9}")) nth = Integer.parseInt(w);
            else if (target == null) target = w;
            else nth = -1;
        }
        if (words.length > 2 || nth < 1 || nth > Deletions.OWN)
            return new Action.Problem("Usage: /delete [#room|user] [1-" + Deletions.OWN + "]");
        return new Action.Delete(target, nth);
    }

    /** /react alone (a list), /react reaction, /react n reaction. */
    static Action react(String rest) {
        if (rest.isEmpty()) return new Action.React(0, null);
        boolean numbered = word(rest, 0).matches("\\d{1,9}");
        String reaction = numbered ? after(rest) : rest;
        int nth = numbered ? Integer.parseInt(word(rest, 0)) : 1;
        if (reaction == null || reaction.contains(" ") || nth < 1 || nth > Replies.REACHED)
            return new Action.Problem("Usage: /react [1-" + Replies.REACHED + "] <emoji>");
        return new Action.React(nth, reaction);
    }

    /** /reply alone (a list), /reply text, /reply n text. */
    static Action reply(String rest) {
        if (rest.isEmpty()) return new Action.Reply(0, null);
        boolean numbered = word(rest, 0).matches("\\d{1,9}");
        String text = numbered ? after(rest) : rest;
        int nth = numbered ? Integer.parseInt(word(rest, 0)) : 1;
        if (text == null || nth < 1 || nth > Replies.REACHED)
            return new Action.Problem("Usage: /reply [1-" + Replies.REACHED + "] <message>");
        return new Action.Reply(nth, text);
    }

    /**
     * /passwd alone asks for the current and the new password; /passwd current new sends both;
     * /passwd new alone does right after logging in with the password (the server says when not).
     */
    static Action passwd(String rest) {
        if (rest.isEmpty()) return new Action.Server("SETPASS " + ASK_CURRENT_PASSWORD + " :" + ASK_PASSWORD);
        String newPassword = after(rest);
        if (newPassword == null) return new Action.Server("SETPASS :" + rest);
        if (word(rest, 0).startsWith(":")) return new Action.Problem(CURRENT_PASSWORD_UNSENDABLE);
        return new Action.Server("SETPASS " + word(rest, 0) + " :" + newPassword);
    }

    /** A current password with a space, or starting with ':', cannot be a middle parameter of SETPASS. */
    static final String CURRENT_PASSWORD_UNSENDABLE =
            "That current password cannot be sent this way: right after logging in with it, /passwd <new password> alone will do.";

    static Action join(String rest) {
        String room = word(rest, 0);
        if (!room.startsWith("#")) room = "#" + room;
        return new Action.Join(room, after(rest));
    }

    static String word(String rest, int i) {
        String[] w = rest.split("\\s+");
        return i < w.length ? w[i] : "";
    }

    /** What follows the first word, or null. */
    static String after(String rest) {
        String[] w = rest.split("\\s+", 2);
        return w.length < 2 || w[1].isBlank() ? null : w[1].strip();
    }

    /** /private <user> <message>, where the message may itself be /color or /me. */
    static Action privately(String rest) {
        String[] parts = rest.split("\\s+", 2);
        String to = parts[0];
        String message = parts[1].strip();
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.equals("/color") || lower.startsWith("/color "))
            return colored(to, message.substring(6).strip());
        if (lower.equals("/me") || lower.startsWith("/me ")) {
            String act = message.substring(3).strip();
            return act.isEmpty()
                    ? new Action.Problem("Usage: /private <user> /me <action>")
                    : new Action.Send(to, act, true);
        }
        if (message.startsWith("//")) message = message.substring(1);
        return new Action.Send(to, message, false);
    }

    /** A message in a color, to the room (to null: /color's own row checked the words) or to one user. */
    static Action colored(String to, String rest) {
        String[] parts = rest.split("\\s+", 2);
        if (rest.isEmpty() || parts.length < 2 || parts[1].isBlank())
            return new Action.Problem("Usage: /private <user> /color <color> <message>");
        OptionalInt code = Colors.code(parts[0]);
        if (code.isEmpty()) {
            return new Action.Problem(
                    "Unknown color " + parts[0] + ". Colors: " + String.join(", ", Colors.names()) + ".");
        }
        return new Action.Send(to, Colors.colorize(code.getAsInt(), parts[1].strip()), false);
    }
}

package dev.chatroom.server.console;

import java.util.Locale;

/**
 * One console line as a handler reads it: the words after its verb, and the {@code #room} a
 * verb may take first (/topic, /mode) or after its first word (/kick, /ban, /mute, /op).
 *
 * @param command the row of the verb typed
 * @param input the whole line, stripped
 * @param arg the first word after the verb, or null
 * @param rest what follows that word, or null
 * @param text everything after the verb ("" for nothing)
 * @param by who typed it, as others are told: an IRC operator's nick, or null for the admin console
 */
record ConsoleLine(ConsoleCommand command, String input, String arg, String rest, String text, String by) {
    /** The verb of a stripped line, in lower case ("" for an empty line). */
    static String verb(String input) {
        return input.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    }

    static ConsoleLine parse(ConsoleCommand command, String input, String by) {
        String[] words = input.split("\\s+", 3);
        String text = words.length > 1 ? input.substring(words[0].length()).strip() : "";
        return new ConsoleLine(
                command, input, words.length > 1 ? words[1] : null, words.length > 2 ? words[2] : null, text, by);
    }

    /** How many words follow the verb, counting up to two. */
    int words() {
        return arg == null ? 0 : rest == null ? 1 : 2;
    }

    /** The answer to a line that does not fit the verb. */
    String usage() {
        return "Usage: " + command.usage();
    }

    /** The #room right after the first word (/kick bob #dev), or null. */
    String room() {
        return rest != null && rest.startsWith("#") ? rest.split("\\s+", 2)[0] : null;
    }

    /** What follows the first word and {@link #room()}, or null. */
    String afterRoom() {
        if (room() == null) return rest;
        String[] words = rest.split("\\s+", 2);
        return words.length > 1 ? words[1] : null;
    }

    /** The #room the line starts with (/topic #dev), or null. */
    String leadingRoom() {
        return arg != null && arg.startsWith("#") ? arg : null;
    }

    /** What follows {@link #leadingRoom()} (all the text when there is none), or null. */
    String afterLeadingRoom() {
        if (leadingRoom() != null) return rest;
        return text.isEmpty() ? null : text;
    }
}

package dev.chatroom.server.console;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * One console line as a handler reads it: the words after its verb, and the {@code #room} a
 * verb may take first (/topic, /mode) or after its first word (/kick, /ban, /mute, /op). A
 * handler that changes something says so here ({@link #changed}): the other admins are told
 * who did what, while the admin who typed it reads the handler's answer.
 */
final class ConsoleLine {
    private final ConsoleCommand command;
    private final String input;
    private final String arg;
    private final String rest;
    private final String text;
    private final String by;
    private String told;
    private boolean detaches;
    private Consumer<String> announcer = done -> {};

    /**
     * @param command the row of the verb typed
     * @param input the whole line, stripped
     * @param arg the first word after the verb, or null
     * @param rest what follows that word, or null
     * @param text everything after the verb ("" for nothing)
     * @param by who typed it, as IRC operators are told: an IRC operator's nick, or null for an admin console
     */
    ConsoleLine(ConsoleCommand command, String input, String arg, String rest, String text, String by) {
        this.command = command;
        this.input = input;
        this.arg = arg;
        this.rest = rest;
        this.text = text;
        this.by = by;
    }

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

    ConsoleCommand command() {
        return command;
    }

    String input() {
        return input;
    }

    String arg() {
        return arg;
    }

    String rest() {
        return rest;
    }

    String text() {
        return text;
    }

    String by() {
        return by;
    }

    /**
     * The line changed something: returns answer (for the admin who typed it) and tells the
     * other admins what was done, in a few words after their name ("accepted bob").
     */
    String changed(String answer, String done) {
        told = done;
        return answer;
    }

    /** Where {@link #announce} tells the other admins. */
    void announcer(Consumer<String> to) {
        announcer = to;
    }

    /**
     * Tells the other admins now what is being done, for a line after which there is no telling:
     * /shutdown.
     */
    void announce(String done) {
        announcer.accept(done);
    }

    /** What the other admins are told was done, or null when nothing changed. */
    String told() {
        return told;
    }

    /** /detach: the console that typed it leaves; the server keeps running. */
    String detaching() {
        detaches = true;
        return "";
    }

    boolean detaches() {
        return detaches;
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

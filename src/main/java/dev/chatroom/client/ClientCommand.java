package dev.chatroom.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A row of the client's table ({@link ClientCommands}): everything about one slash command.
 * /help and tab completion are made from the rows; {@link Input} answers too few words with
 * the usage, then hands the rest of the line to the parser.
 *
 * @param usage the command and its arguments, as /help shows them and "Usage: " answers them
 * @param aliases other names for it, completed too
 * @param minWords fewer words after the command are answered with the usage
 * @param description what it does, one line in /help
 * @param parser what the words after the command (stripped, "" for none) ask for
 */
record ClientCommand(
        String usage, List<String> aliases, int minWords, String description, Function<String, Action> parser) {
    static ClientCommand of(String usage, int minWords, String description, Function<String, Action> parser) {
        return new ClientCommand(usage, List.of(), minWords, description, parser);
    }

    /** The same row, also answering to this name. */
    ClientCommand alias(String name) {
        List<String> more = new ArrayList<>(aliases);
        more.add(name);
        return new ClientCommand(usage, List.copyOf(more), minWords, description, parser);
    }

    /** The name typed: the usage's first word. */
    String name() {
        return usage.split(" ", 2)[0];
    }

    /** The name, then its aliases. */
    List<String> names() {
        List<String> all = new ArrayList<>(List.of(name()));
        all.addAll(aliases);
        return all;
    }

    /** Its line in /help: the usage, then the description in a column. */
    String helpLine() {
        return helpLine(usage, description + (aliases.isEmpty() ? "" : " (alias " + String.join(", ", aliases) + ")"));
    }

    /** A line of /help: what to type, then what it does in a column. */
    static String helpLine(String typed, String effect) {
        return String.format("  %-26s  %s", typed, effect);
    }
}

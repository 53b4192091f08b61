package dev.chatroom.server.console;

/**
 * The answer to a line a console typed.
 *
 * @param text what to print ("" for nothing; may start with {@link AdminCommands#CONSOLE_ONLY})
 * @param detaches /detach: the console leaves, the server keeps running
 */
public record ConsoleAnswer(String text, boolean detaches) {
    public static ConsoleAnswer of(String text) {
        return new ConsoleAnswer(text, false);
    }
}

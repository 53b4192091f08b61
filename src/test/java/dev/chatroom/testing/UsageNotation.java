package dev.chatroom.testing;

/** Reads a usage line as /help shows it: {@code /kick <nick> [#room] [reason]}. */
public final class UsageNotation {
    private UsageNotation() {}

    /** How many words after the command must be there: those outside [brackets] ("<nick>", "#room"). */
    public static int requiredWords(String usage) {
        int required = 0;
        int depth = 0;
        boolean inWord = false;
        for (char ch : usage.substring(usage.indexOf(' ') < 0 ? usage.length() : usage.indexOf(' '))
                .toCharArray()) {
            if (ch == ' ' && depth == 0) {
                inWord = false;
                continue;
            }
            if (!inWord && depth == 0 && ch != '[') required++;
            inWord = true;
            if (ch == '[') depth++;
            if (ch == ']') depth--;
        }
        return required;
    }
}

package dev.chatroom.client;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jline.utils.AttributedString;

/**
 * How a message of several lines is printed: the lines after the first start under the first's
 * text ("bob: " wide, or "[to bob] "), so the sender shows once; where a list has one line a message
 * (search results), its lines are joined by a mark.
 */
final class MultilineText {
    private MultilineText() {}

    /** The body (already made safe, lines joined by "\n") with each line after the first indented to the width of before. */
    static String indent(String body, CharSequence before) {
        if (body.indexOf('\n') < 0) return body;
        // columns as the terminal counts them: escapes take none, wide characters two
        int width = AttributedString.fromAnsi(before.toString()).columnLength();
        return body.replaceAll("\n(?=.)", "\n" + " ".repeat(width)); // a blank line stays empty
    }

    /** Each line made (cleaned, formatted) on its own, as IRC formats line by line. */
    static String eachLine(String text, UnaryOperator<String> make) {
        return Arrays.stream(text.split("\n", -1)).map(make).collect(Collectors.joining("\n"));
    }

    /** The message on one line, its lines joined by mark (" ⏎ "). */
    static ClientEvent.Chat oneLine(ClientEvent.Chat c, String mark) {
        return c.text().indexOf('\n') < 0 ? c : c.withText(c.text().replace("\n", mark));
    }
}

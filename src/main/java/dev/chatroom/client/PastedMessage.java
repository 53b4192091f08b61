package dev.chatroom.client;

import dev.chatroom.irc.Colors;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A paste of several lines as one message (draft/multiline): the first line says where it goes and
 * how, as a typed line would (text, //text, /private or /msg user, /color, /reply), the others are
 * text as they are, blank ones kept ("/" starting a later line is text: pasted code stays code). A
 * /color colors every line. An action (/me) is one line, and no other command takes lines: such a
 * paste goes line by line, as without multiline.
 */
final class PastedMessage {
    /** "/private bob ", "/msg bob /color red ", "/color red ": what comes before the first line's text. */
    private static final Pattern HEAD =
            Pattern.compile("^(?:/(?:private|msg)\\s+(\\S+)\\s+)?(?:/color\\s+(\\S+)\\s+)?", Pattern.CASE_INSENSITIVE);

    private PastedMessage() {}

    /** The action sending the lines as one message (a Problem when the first line is wrong); null: line by line. */
    static Action of(List<String> lines) {
        String first = lines.get(0);
        String rest = String.join("\n", lines.subList(1, lines.size()));
        Action head = Input.parse(first);
        if (head instanceof Action.Problem) return head;
        if (head instanceof Action.Reply r && r.text() != null)
            return new Action.Reply(r.nth(), r.text() + "\n" + rest);
        if (!(head instanceof Action.Send s) || s.action()) return null;
        if (!first.startsWith("/") || first.startsWith("//"))
            return new Action.Send(null, s.text() + "\n" + rest, false);
        Matcher m = HEAD.matcher(first);
        if (!m.find() || m.end() == 0 || first.substring(m.end()).startsWith("/")) return null;
        if (m.group(2) == null) return new Action.Send(s.to(), s.text() + "\n" + rest, false);
        OptionalInt color = Colors.code(m.group(2).toLowerCase(Locale.ROOT));
        if (color.isEmpty()) return null;
        StringBuilder text = new StringBuilder(s.text());
        for (String line : lines.subList(1, lines.size()))
            text.append('\n').append(line.isBlank() ? "" : Colors.colorize(color.getAsInt(), line));
        return new Action.Send(s.to(), text.toString(), false);
    }
}

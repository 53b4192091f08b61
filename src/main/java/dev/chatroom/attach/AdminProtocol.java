package dev.chatroom.attach;

import dev.chatroom.server.console.AdminCommands;
import dev.chatroom.server.console.ConsoleAnswer;
import dev.chatroom.server.console.Question;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code chatroom admin console} and the server say over admin.sock: lines of UTF-8, each
 * ended by a newline. The console sends the lines the admin types, one at a time, each answered
 * before the next is sent. The server sends, its first letter saying what the line is:
 *
 * <pre>
 * H name                  the first line: this console's name among the admins ("console 2")
 * E text                  an event (a join request, a departure, what another admin did)
 * Q waiting nick text     the question y, n and a answer now: the oldest request
 * Q                       no one waits
 * A text                  a line of the answer to the line being run
 * .                       the end of that answer
 * D                       the end of that answer, and of this console: it detached
 * X                       the server is stopping; nothing follows
 * </pre>
 *
 * An event or a question may come between a line sent and its answer, never inside an answer.
 */
public final class AdminProtocol {
    private AdminProtocol() {}

    /** What a console makes of the server's lines. */
    interface Receiver {
        void attached(String name);

        void event(String text);

        void question(Question q);

        /** The whole answer to the line sent last. */
        void answered(ConsoleAnswer answer);

        /** The server is stopping. */
        void stopping();
    }

    static List<String> event(String text) {
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\n")) lines.add("E " + l);
        return lines;
    }

    static String hello(String name) {
        return "H " + name;
    }

    static String question(Question q) {
        return q == null ? "Q" : "Q " + q.waiting() + " " + q.nick() + " " + q.text();
    }

    /** The answer's lines, then its end; a console-only secret goes as it is: this console is the one it is for. */
    static List<String> answer(ConsoleAnswer answer) {
        List<String> lines = new ArrayList<>();
        String text = answer.text().replace(AdminCommands.CONSOLE_ONLY, "");
        if (!text.isEmpty()) for (String l : text.split("\n")) lines.add("A " + l);
        lines.add(answer.detaches() ? "D" : ".");
        return lines;
    }

    static final String STOPPING = "X";

    /** Reads the server's lines one by one, collecting each answer until its end. */
    static final class Reader {
        private final Receiver receiver;
        private final StringBuilder answer = new StringBuilder();

        Reader(Receiver receiver) {
            this.receiver = receiver;
        }

        /** Takes one line from the server; lines this version does not know are skipped. */
        void take(String line) {
            String rest = line.length() > 2 ? line.substring(2) : "";
            switch (line.isEmpty() ? ' ' : line.charAt(0)) {
                case 'H' -> receiver.attached(rest);
                case 'E' -> receiver.event(rest);
                case 'Q' -> receiver.question(question(rest));
                case 'A' -> answer.append(answer.length() == 0 ? "" : "\n").append(rest);
                case '.', 'D' -> {
                    String text = answer.toString();
                    answer.setLength(0);
                    receiver.answered(new ConsoleAnswer(text, line.equals("D")));
                }
                case 'X' -> receiver.stopping();
                default -> {}
            }
        }

        private static Question question(String rest) {
            String[] parts = rest.split(" ", 3);
            if (parts.length < 3) return null;
            try {
                return new Question(parts[1], Integer.parseInt(parts[0]), parts[2]);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}

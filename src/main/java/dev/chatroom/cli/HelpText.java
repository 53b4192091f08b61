package dev.chatroom.cli;

import java.util.ArrayList;
import java.util.List;

/** A summary for a --help footer, made from a list of names, in lines that fit picocli's 80 columns. */
final class HelpText {
    private static final int WIDTH = 79;

    private HelpText() {}

    /** lead, then the items separated by commas, continued on indented lines. */
    static List<String> list(String lead, List<String> items) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(lead);
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i) + (i == items.size() - 1 ? "." : ",");
            if (line.length() + 1 + item.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder("  ").append(item);
            } else {
                if (line.charAt(line.length() - 1) != ' ') line.append(' ');
                line.append(item);
            }
        }
        lines.add(line.toString());
        return lines;
    }
}

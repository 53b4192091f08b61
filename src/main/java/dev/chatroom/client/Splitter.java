package dev.chatroom.client;

import dev.chatroom.irc.IrcLineDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Cuts text into pieces of at most a given number of UTF-8 bytes, at spaces when it can, never inside a character. */
final class Splitter {
    private Splitter() {}

    /** Room for text in one PRIVMSG once the server has put the sender's full prefix in front of it. */
    static int roomForText(String nick, String target, boolean action) {
        int prefix = 1 + nick.length() + 2 + 10 + 1 + 63 + 1; // ":nick!~user@host " with the longest host
        int overhead =
                prefix + "PRIVMSG ".length() + target.getBytes(StandardCharsets.UTF_8).length + 2 + (action ? 9 : 0);
        return IrcLineDecoder.MAX_BODY - overhead;
    }

    static List<String> split(String text, int maxBytes) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            int cut = fit(rest, maxBytes);
            int space = rest.lastIndexOf(' ', cut);
            if (space > cut / 2) cut = space;
            parts.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() || parts.isEmpty()) parts.add(rest);
        return parts;
    }

    /**
     * The same for a line of a multiline message: nothing is dropped, the pieces put together are the
     * text; a cut between words leaves the space at the end of the first piece, as the spec recommends.
     */
    static List<String> pieces(String text, int maxBytes) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            int cut = fit(rest, maxBytes);
            int space = rest.lastIndexOf(' ', cut - 1);
            if (space + 1 > cut / 2) cut = space + 1;
            parts.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        if (!rest.isEmpty() || parts.isEmpty()) parts.add(rest);
        return parts;
    }

    /** The largest char index whose prefix fits in maxBytes, not splitting a surrogate pair. */
    private static int fit(String s, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + len > maxBytes) break;
            bytes += len;
            i += Character.charCount(cp);
        }
        return Math.max(i, 1);
    }
}

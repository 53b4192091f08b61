package dev.chatroom.fuzz;

import dev.chatroom.irc.IrcLineDecoder;
import dev.chatroom.irc.Message;
import java.nio.charset.StandardCharsets;

/**
 * What every line the server sends must be, whatever it was sent: one parseable IRC line, no
 * CR, LF or NUL inside (they would split or end it on the way), at most 512 bytes with its CRLF
 * not counting the tag section, and a tag section of at most 8191 bytes. A client that trusts
 * those limits (ours does) would otherwise misread or drop the line.
 */
final class WireRules {
    /** 512 bytes per line minus the CRLF, which the recorded lines no longer have. */
    static final int MAX_BODY = IrcLineDecoder.MAX_BODY;

    static final int MAX_TAGS = IrcLineDecoder.MAX_TAGS;

    private WireRules() {}

    /** The parsed line; an AssertionError naming who got it and what was fed when it breaks a rule. */
    static Message check(String line, String client, FuzzInput input) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') {
                throw broken("contains CR, LF or NUL at " + i, line, client, input);
            }
        }
        Message parsed;
        try {
            parsed = Message.parse(line);
        } catch (IllegalArgumentException e) {
            throw broken("does not parse (" + e.getMessage() + ")", line, client, input);
        }
        int bodyStart = 0;
        if (line.startsWith("@")) {
            int space = line.indexOf(' ');
            // The tag section is '@' up to and including its space, as the server's decoder counts it.
            int tagBytes = utf8Length(line.substring(0, space + 1));
            if (tagBytes > MAX_TAGS) throw broken("has " + tagBytes + " bytes of tags", line, client, input);
            bodyStart = space + 1;
        }
        int bodyBytes = utf8Length(line.substring(bodyStart));
        if (bodyBytes > MAX_BODY)
            throw broken("is " + (bodyBytes + 2) + " bytes with CRLF, over 512", line, client, input);
        return parsed;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static AssertionError broken(String what, String line, String client, FuzzInput input) {
        String shown = line.length() > 200 ? line.substring(0, 200) + "..." : line;
        return new AssertionError(
                "line sent to " + client + " " + what + ": " + escape(shown) + "\n  after input " + input.describe());
    }

    private static String escape(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }
}

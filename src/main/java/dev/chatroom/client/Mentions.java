package dev.chatroom.client;

import dev.chatroom.irc.Casemapping;
import java.util.regex.Pattern;

/** A nick mentioned in a message: as a word of its own, compared as nicks are. */
final class Mentions {
    private Mentions() {}

    /** The nick as a word of the text, compared by IRC casemapping ([ is {, as for nicks). */
    static boolean mentions(String text, String nick) {
        return wordPattern(Casemapping.fold(nick))
                .matcher(Casemapping.fold(text))
                .find();
    }

    /** The nick, not inside a longer nick: letters, digits and the nick characters around it end the match. */
    static Pattern wordPattern(String nick) {
        return Pattern.compile(
                "(?<![\\w\\[\\]\\\\`^{}|-])" + Pattern.quote(nick) + "(?![\\w\\[\\]\\\\`^{}|-])",
                Pattern.CASE_INSENSITIVE);
    }
}

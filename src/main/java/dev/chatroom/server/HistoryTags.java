package dev.chatroom.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which client-only tags history keeps: a reply's link to the message it answers
 * ({@code +draft/reply}) and a reaction ({@code +draft/react}), so that a late joiner or another
 * device sees them; nothing else a client made up ({@code +typing} least of all: it is for now).
 * A TAGMSG is kept only when it is a reaction to a message (both tags): any other says nothing
 * to someone reading later.
 */
public final class HistoryTags {
    /** IRCv3 reply: the msgid of the message this one answers (or reacts to). */
    public static final String REPLY = "+draft/reply";
    /** IRCv3 react: the reaction (an emoji, or a word) to the message {@link #REPLY} names. */
    public static final String REACT = "+draft/react";

    private HistoryTags() {}

    /** Of a message's client-only tags, those history keeps (in the order they came). */
    public static Map<String, String> kept(Map<String, String> clientTags) {
        if (clientTags.isEmpty()) return clientTags;
        Map<String, String> out = new LinkedHashMap<>(2);
        clientTags.forEach((name, value) -> {
            if (name.equals(REPLY) || name.equals(REACT)) out.put(name, value);
        });
        return out.isEmpty() ? Map.of() : out;
    }

    /** Whether a TAGMSG with these kept tags is worth storing: a reaction, naming the message reacted to. */
    public static boolean isReaction(Map<String, String> kept) {
        return notEmpty(kept.get(REACT)) && notEmpty(kept.get(REPLY));
    }

    private static boolean notEmpty(String value) {
        return value != null && !value.isEmpty();
    }
}

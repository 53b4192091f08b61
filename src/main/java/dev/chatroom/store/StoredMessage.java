package dev.chatroom.store;

import java.util.Map;

/**
 * One message as history keeps it: what was relayed (its msgid and time exactly as recipients
 * saw them) and who it was between, by case-folded name, so it can be found again by room or
 * by the two sides of a private conversation.
 *
 * @param prefix the sender's nick!user@host as others saw it (its host cloaked, since hosts are)
 * @param roomKey the folded room name; null for a private message
 * @param recipientKey a private message's folded recipient nick; null in a room
 * @param accountKey the sender's folded account; null when the sender was not logged in
 * @param recipientAccountKey a private message's recipient's folded account; null when none
 */
public record StoredMessage(
        String msgid,
        long timeMillis,
        String prefix,
        String senderKey,
        String account,
        String accountKey,
        String command,
        String target,
        String roomKey,
        String recipientKey,
        String recipientAccountKey,
        String text,
        Map<String, String> clientTags) {}

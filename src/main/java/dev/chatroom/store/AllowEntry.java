package dev.chatroom.store;

import dev.chatroom.irc.Casemapping;

/**
 * The admin's remembered answer for an account: allowed (skips the approval queue) or denied
 * (refused at once, with the reason). Kept by name, so an account can be allowed before it exists.
 */
public record AllowEntry(String account, boolean allowed, String reason, long changedMillis) {
    public String key() {
        return Casemapping.fold(account);
    }
}

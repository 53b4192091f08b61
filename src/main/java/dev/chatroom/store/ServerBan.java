package dev.chatroom.store;

import java.time.Instant;

/** A server-wide ban as the admin set it: a nick!user@host mask (or key:SHA256:... host), why, since when. */
public record ServerBan(String mask, String reason, Instant since) {
    /** Whether a mask can be a ban: nick!user@host, all three parts present, no spaces or controls. */
    public static boolean validMask(String mask) {
        int bang = mask.indexOf('!');
        int at = mask.indexOf('@');
        return bang > 0
                && at > bang + 1
                && at < mask.length() - 1
                && mask.chars().noneMatch(c -> c < 0x21 || c == 0x7f);
    }
}

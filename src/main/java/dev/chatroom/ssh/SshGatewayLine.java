package dev.chatroom.ssh;

import dev.chatroom.ip.Address;
import dev.chatroom.irc.Message;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The first line of a connection from the ssh gateway, in the form of IRCv3's WEBIRC:
 * {@code WEBIRC <secret> ssh <host> <address> :ssh-key=SHA256:...}. The secret is made at each
 * start and known only inside the server process, so nothing else on the machine can claim to
 * be someone else.
 */
public record SshGatewayLine(Address address, String keyFingerprint) {

    public static String line(String secret, Address address, String keyFingerprint) {
        String host = address.hostname(); // ::1 as 0::1: a parameter cannot start with ':'
        return "WEBIRC " + secret + " ssh " + host + " " + host + " :secure ssh-key=" + keyFingerprint;
    }

    /** Who the line names; null when it is not a gateway line with the right secret. */
    public static SshGatewayLine parse(String text, String secret) {
        Message m;
        try {
            m = Message.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
        if (m == null || !m.command().equals("WEBIRC") || m.params().size() < 5) return null;
        if (!MessageDigest.isEqual(
                m.params().get(0).getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8)))
            return null;
        String key = null;
        for (String option : m.params().get(4).split(" ")) {
            if (option.startsWith("ssh-key=")) key = option.substring(8);
        }
        if (key == null || !key.matches("SHA256:[A-Za-z0-9+/=]{20,}")) return null;
        Address address = Address.parse(m.params().get(3));
        return address == null ? null : new SshGatewayLine(address, key);
    }
}

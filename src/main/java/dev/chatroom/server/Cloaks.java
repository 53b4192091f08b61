package dev.chatroom.server;

import dev.chatroom.ip.Address;
import dev.chatroom.store.RoomBan;
import dev.chatroom.store.SavedRoom;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hosts others see, as ergo makes them: a user's address is never shown to anyone but the
 * admin, only its cloak, an HMAC-SHA256 of it under the server's secret, 80 bits of it written
 * in base32 with {@code .ip} after it ({@code 7tnq2mkx5bv4rc3w.ip}). Without the secret a cloak
 * cannot be traced back to its address, even for IPv4's mere 2^32 of them, yet it is the same on
 * every start and every node, so people recognise each other and bans on it keep working. An
 * IPv6 address is cloaked by its /64 (what per-address limits count as one address): a host
 * that moves between the addresses of its /64 keeps its cloak, and one ban on it covers them
 * all. ssh users are cloaked by their key ({@code ssh/...}) whatever {@code cloak-hosts} says:
 * the start of a key's fingerprint would tell who they are to anyone holding their public key.
 */
public final class Cloaks {
    /** What WHOX {@code %i} says of an address that is not shown (as ergo and other servers say it). */
    public static final String HIDDEN_ADDRESS = "255.255.255.255";

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"; // base32 without l and o
    private static final int CHARACTERS = 16; // 80 bits

    private final SecretKeySpec key;
    private final boolean addresses;

    /** secret: {@code Stores.cloakSecret()}; cloakAddresses: {@code cloak-hosts} (false shows addresses as they are). */
    public Cloaks(byte[] secret, boolean cloakAddresses) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.addresses = cloakAddresses;
    }

    /** The host others see for someone at address, who came over ssh with this key (null: not over ssh). */
    public String host(Address address, String sshKey) {
        if (sshKey != null) return "ssh/" + hash("key:" + sshKey);
        return addresses ? hash(address.limitKey()) + ".ip" : address.hostname();
    }

    /**
     * A nick!user@host as it was kept (a message's sender, who set a topic or a ban), as it is
     * shown now: what was kept before hosts were cloaked holds addresses, cloaked on the way out.
     */
    public String remembered(String prefix) {
        int at = prefix == null ? -1 : prefix.lastIndexOf('@');
        if (!addresses || at < 0) return prefix;
        Address a = Address.parse(prefix.substring(at + 1));
        return a == null ? prefix : prefix.substring(0, at + 1) + host(a, null);
    }

    /** A room as it was kept, its topic's and bans' setters as they are shown now ({@link #remembered(String)}). */
    public SavedRoom remembered(SavedRoom r) {
        List<RoomBan> bans = r.bans() == null
                ? null
                : r.bans().stream()
                        .map(b -> new RoomBan(b.mask(), remembered(b.setBy()), b.setAtSeconds()))
                        .toList();
        return new SavedRoom(
                r.name(),
                r.createdMillis(),
                r.topic(),
                remembered(r.topicSetBy()),
                r.topicSetAtMillis(),
                r.flags(),
                r.key(),
                r.limit(),
                bans,
                r.operators());
    }

    private String hash(String what) {
        byte[] digest;
        try {
            Mac mac = Mac.getInstance("HmacSHA256"); // not shared: a Mac holds state between calls
            mac.init(key);
            digest = mac.doFinal(what.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
        StringBuilder out = new StringBuilder(CHARACTERS);
        for (int i = 0; i < CHARACTERS; i++) {
            int bit = i * 5;
            int two = ((digest[bit / 8] & 0xff) << 8) | (digest[bit / 8 + 1] & 0xff);
            out.append(ALPHABET.charAt((two >> (11 - bit % 8)) & 31));
        }
        return out.toString();
    }
}

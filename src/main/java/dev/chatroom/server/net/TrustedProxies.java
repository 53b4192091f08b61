package dev.chatroom.server.net;

import dev.chatroom.ip.Address;
import dev.chatroom.ip.Cidr;
import java.util.List;

/**
 * The reverse proxies whose X-Forwarded-For header is believed (the trusted-proxies setting). Each
 * proxy appends the address it was reached from, so the client is the rightmost address that is
 * not itself a trusted proxy; what lies left of it was written by the client and proves nothing.
 * From anyone else the header is ignored: a client could name any address and dodge its bans.
 */
final class TrustedProxies {
    private final List<Cidr> proxies;

    TrustedProxies(List<String> blocks) {
        this.proxies = blocks.stream().map(Cidr::parse).toList();
    }

    /** The client's address: peer's own, or, from a trusted proxy, what its X-Forwarded-For headers say. */
    Address client(Address peer, List<String> forwardedFor) {
        Address client = peer;
        if (!trusted(peer)) return client;
        List<String> hops = forwardedFor.stream()
                .flatMap(h -> List.of(h.split(",")).stream())
                .toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Address hop = Address.parse(hops.get(i).strip());
            if (hop == null) break; // a hop that is not an address: the proxy's word ends here
            client = hop;
            if (!trusted(hop)) break;
        }
        return client;
    }

    private boolean trusted(Address a) {
        for (Cidr c : proxies) if (c.contains(a)) return true;
        return false;
    }
}

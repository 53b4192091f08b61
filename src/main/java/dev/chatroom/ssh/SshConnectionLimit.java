package dev.chatroom.ssh;

import dev.chatroom.ip.Address;
import dev.chatroom.log.EventSink;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;

/**
 * SSH connections per address (an IPv6 /64 counting as one), held to --max-per-ip as soon as
 * they are accepted: a session costs threads and a terminal before the chat ever sees it (at a
 * name or password prompt).
 */
final class SshConnectionLimit implements SessionListener {
    private final int max;
    private final EventSink events;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

    SshConnectionLimit(int max, EventSink events) {
        this.max = max;
        this.events = events;
    }

    @Override
    public void sessionCreated(Session session) {
        Address address = address(session);
        if (open.merge(address.limitKey(), 1, Integer::sum) > max) {
            events.event(dev.chatroom.log.Event.warn(
                            "ssh_refused",
                            "SSH: refused a connection from " + address + ": more than " + max + " from that address")
                    .address(address.toString())
                    .reason("too_many_from_address"));
            session.close(true);
        }
    }

    @Override
    public void sessionClosed(Session session) {
        open.computeIfPresent(address(session).limitKey(), (k, n) -> n <= 1 ? null : n - 1);
    }

    /** The peer of a session of our TCP listener. */
    private static Address address(Session session) {
        return Address.of(((InetSocketAddress) session.getIoSession().getRemoteAddress()).getAddress());
    }
}

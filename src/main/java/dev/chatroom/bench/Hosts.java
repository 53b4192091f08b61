package dev.chatroom.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The servers a run spreads its clients over: client i connects to entry i mod n. Each entry is
 * a "node" for the same-node / cross-node split, even when two entries name the same server, so
 * the split can be checked without a cluster.
 */
public final class Hosts {
    /** One {@code host:port} entry. */
    public record Endpoint(String host, int port) {
        @Override
        public String toString() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    private final List<Endpoint> entries;

    private Hosts(List<Endpoint> entries) {
        if (entries.isEmpty()) throw new IllegalArgumentException("no hosts");
        this.entries = List.copyOf(entries);
    }

    public static Hosts single(String host, int port) {
        return new Hosts(List.of(new Endpoint(host, port)));
    }

    /**
     * Parses {@code h1:p1,h2:p2,...}; an IPv6 address goes in brackets ({@code [::1]:6667}).
     * Throws IllegalArgumentException saying which entry is wrong and why.
     */
    public static Hosts parse(String spec) {
        if (spec == null || spec.isBlank())
            throw new IllegalArgumentException("expected HOST:PORT[,HOST:PORT...], got nothing");
        List<Endpoint> out = new ArrayList<>();
        for (String raw : spec.split(",", -1)) {
            String e = raw.strip();
            if (e.isEmpty())
                throw new IllegalArgumentException("empty entry in '" + spec + "'; expected HOST:PORT[,HOST:PORT...]");
            out.add(endpoint(e));
        }
        return new Hosts(out);
    }

    private static Endpoint endpoint(String e) {
        String host;
        String port;
        if (e.startsWith("[")) {
            int close = e.indexOf(']');
            if (close < 0 || close + 1 >= e.length() || e.charAt(close + 1) != ':')
                throw bad(e, "expected [IPv6]:PORT");
            host = e.substring(1, close);
            port = e.substring(close + 2);
        } else {
            int colon = e.lastIndexOf(':');
            if (colon < 0) throw bad(e, "no port (expected HOST:PORT)");
            host = e.substring(0, colon);
            port = e.substring(colon + 1);
            if (host.indexOf(':') >= 0) throw bad(e, "an IPv6 address needs brackets, as in [::1]:6667");
        }
        if (host.isEmpty()) throw bad(e, "no host (expected HOST:PORT)");
        if (port.isEmpty() || !port.chars().allMatch(Character::isDigit) || port.length() > 5)
            throw bad(e, "port '" + port + "' is not a number");
        int p = Integer.parseInt(port);
        if (p < 1 || p > 65535) throw bad(e, "port " + p + " is outside 1-65535");
        return new Endpoint(host, p);
    }

    private static IllegalArgumentException bad(String entry, String why) {
        return new IllegalArgumentException("'" + entry + "': " + why);
    }

    public int size() {
        return entries.size();
    }

    public List<Endpoint> entries() {
        return entries;
    }

    /** The node client i is on: round-robin over the entries. */
    public int nodeOf(int client) {
        return Math.floorMod(client, entries.size());
    }

    /** Where client i connects. */
    public Endpoint of(int client) {
        return entries.get(nodeOf(client));
    }

    /** How many of clients 0..clients-1 are on node. */
    public int clientsOn(int node, int clients) {
        int n = entries.size();
        return clients / n + (node < clients % n ? 1 : 0);
    }

    @Override
    public String toString() {
        return String.join(",", entries.stream().map(Endpoint::toString).toList());
    }
}

package dev.chatroom.ip;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A block of addresses written {@code 10.0.0.0/8} or {@code fd00::/8}, or one address alone (its
 * whole length): what a trusted proxy is named by. An IPv4-mapped IPv6 address counts as the IPv4
 * one, as {@link Address} has it.
 */
public final class Cidr {
    private final byte[] network;
    private final int bits;
    private final String text;

    private Cidr(byte[] network, int bits) {
        this.network = network;
        this.bits = bits;
        Address base = Address.parse(toText(network));
        this.text = base.text() + "/" + bits;
    }

    /** The block s names; null when s is not an address or address/length. */
    public static Cidr parse(String s) {
        if (s == null) return null;
        String t = s.strip();
        int slash = t.indexOf('/');
        Address a = Address.parse(slash < 0 ? t : t.substring(0, slash));
        if (a == null) return null;
        byte[] b = bytes(a);
        int bits = b.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (bits < 0 || bits > b.length * 8) return null;
        }
        return new Cidr(masked(b, bits), bits);
    }

    public boolean contains(Address a) {
        byte[] b = bytes(a);
        return b.length == network.length && Arrays.equals(masked(b, bits), network);
    }

    private static byte[] masked(byte[] b, int bits) {
        byte[] m = b.clone();
        for (int i = 0; i < m.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - i * 8));
            m[i] &= (byte) (0xff << (8 - keep));
        }
        return m;
    }

    private static byte[] bytes(Address a) {
        try {
            return InetAddress.getByName(a.text()).getAddress(); // a literal: never a name lookup
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String toText(byte[] b) {
        try {
            return InetAddress.getByAddress(b).getHostAddress();
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** address/length, the address in {@link Address}'s form. */
    @Override
    public String toString() {
        return text;
    }
}

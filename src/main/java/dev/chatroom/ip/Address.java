package dev.chatroom.ip;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IP address in its one written form (RFC 5952: {@code ::1}, lower case, the longest run of
 * zero groups compressed; an IPv4-mapped IPv6 address as the IPv4 one), so a ban typed by the
 * admin, a connection's address and a log line always agree. Also what counts as one address for
 * per-address limits: an IPv4 address, or an IPv6 /64, since one IPv6 host is given a whole /64
 * and can pick any of its 2^64 addresses.
 */
public final class Address {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

    private final byte[] bytes;
    private final String text;
    private final String limitKey;

    private Address(byte[] bytes) {
        this.bytes = bytes;
        this.text = bytes.length == 4 ? ipv4(bytes) : ipv6(bytes);
        this.limitKey = bytes.length == 4 ? text : ipv6(Arrays.copyOf(Arrays.copyOf(bytes, 8), 16)) + "/64";
    }

    /** The address a socket reports, its zone (%eth0) left out. */
    public static Address of(InetAddress a) {
        // getByAddress turns an IPv4-mapped IPv6 address into the IPv4 one and drops the zone
        try {
            return new Address(InetAddress.getByAddress(a.getAddress()).getAddress());
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** An address written in any of its usual forms ({@code 0:0:0:0:0:0:0:1}, {@code ::ffff:10.0.0.7}); null when s is not one. */
    public static Address parse(String s) {
        if (s == null || s.isEmpty()) return null;
        Matcher v4 = IPV4.matcher(s);
        if (v4.matches()) {
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) return null;
                b[i] = (byte) octet;
            }
            return new Address(b);
        }
        // Only a literal reaches the JDK's parser: with a ':' and starting with a hex digit or ':',
        // getByName parses it as IPv6 or fails; it never looks a name up.
        if (s.indexOf(':') < 0 || !IPV6_CHARACTERS.matcher(s).matches() || s.charAt(0) == '.') return null;
        try {
            return of(InetAddress.getByName(s));
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The RFC 5952 text: what the admin sees and types, and what logs show. */
    public String text() {
        return text;
    }

    /** What per-address limits count by: the address itself (IPv4), or its /64 written as {@code 2001:db8:1:2::/64} (IPv6). */
    public String limitKey() {
        return limitKey;
    }

    /** The text as an IRC host: an IRC parameter cannot start with ':', so {@code ::1} is written {@code 0::1}, as other servers do. */
    public String hostname() {
        return text.charAt(0) == ':' ? "0" + text : text;
    }

    /** This machine (127.0.0.0/8 or ::1). */
    public boolean loopback() {
        return bytes.length == 4 ? bytes[0] == 127 : text.equals("::1");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && a.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    private static String ipv4(byte[] b) {
        return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }

    /** RFC 5952 section 4: no leading zeros, the longest run of two or more zero groups (the first of equals) as "::". */
    private static String ipv6(byte[] b) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) j++;
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}

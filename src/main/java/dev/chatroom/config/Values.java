package dev.chatroom.config;

import dev.chatroom.ip.Cidr;
import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Names;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Setting values as people write them, parsed and checked. A bad value throws
 * {@link IllegalArgumentException} whose message completes "KEY ..." (for example
 * "must be between 0 and 65535"), so flags and the config file report it the same way.
 */
public final class Values {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)?");

    private Values() {}

    /** {@code 90} (seconds), {@code 90s}, {@code 500ms}, {@code 5m}, {@code 1h}, {@code 2d}; more than zero. */
    public static Duration duration(String v) {
        Matcher m = DURATION.matcher(v.strip());
        if (!m.matches())
            throw new IllegalArgumentException("must be a duration such as 90s, 500ms, 5m or 1h, not '" + v + "'");
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.isZero()) throw new IllegalArgumentException("must be more than zero");
        return d;
    }

    /** A value as the config file and the help show it; null for none. */
    static String format(Object v) {
        if (v == null) return null;
        if (v instanceof Duration d) return format(d);
        if (v instanceof Enum<?> e) return word(e);
        if (v instanceof Double d) return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
        if (v instanceof Path p) return p.toString();
        return v.toString();
    }

    /** A duration the way {@link #duration} reads it back: 60s, 5m, 500ms. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0) return ms / 86_400_000 + "d";
        if (ms % 3_600_000 == 0) return ms / 3_600_000 + "h";
        if (ms % 60_000 == 0) return ms / 60_000 + "m";
        if (ms % 1000 == 0) return ms / 1000 + "s";
        return ms + "ms";
    }

    /** A port number, or off. */
    public static int port(String v) {
        if (v.strip().equalsIgnoreCase("off")) return ServerConfig.OFF;
        return integer(v, 0, 65535);
    }

    private static final Pattern SIZE = Pattern.compile("(\\d+)([kmg])?b?", Pattern.CASE_INSENSITIVE);

    /** A size in bytes: {@code 1048576}, {@code 512k}, {@code 256m}, {@code 1g}. */
    public static long bytes(String v, long min, long max) {
        Matcher m = SIZE.matcher(v.strip());
        if (!m.matches())
            throw new IllegalArgumentException("must be a size such as 1048576, 512k, 256m or 1g, not '" + v + "'");
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        long bytes = switch (unit) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        };
        if (bytes < min || bytes > max)
            throw new IllegalArgumentException("must be between " + formatBytes(min) + " and " + formatBytes(max));
        return bytes;
    }

    /** A port as the config file and the help show it: the number, or off. */
    static Object formatPort(int port) {
        return port == ServerConfig.OFF ? "off" : port;
    }

    /** A size the way {@link #bytes} reads it back: 1m, 512k, 1000. */
    public static String formatBytes(long b) {
        if (b != 0 && b % (1L << 30) == 0) return (b >> 30) + "g";
        if (b != 0 && b % (1L << 20) == 0) return (b >> 20) + "m";
        if (b != 0 && b % (1L << 10) == 0) return (b >> 10) + "k";
        return Long.toString(b);
    }

    public static int integer(String v, int min, int max) {
        long n;
        try {
            n = Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number, not '" + v + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(
                    max == Integer.MAX_VALUE ? "must be at least " + min : "must be between " + min + " and " + max);
        }
        return (int) n;
    }

    public static double decimal(String v, double min) {
        double d;
        try {
            d = Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a number, not '" + v + "'");
        }
        if (Double.isNaN(d) || Double.isInfinite(d) || d < min)
            throw new IllegalArgumentException("must be a number of at least " + trim(min));
        return d;
    }

    public static boolean bool(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("must be true or false, not '" + v + "'");
        };
    }

    /** A choice as settings write it: OPT_IN is opt-in. */
    public static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static <E extends Enum<E>> E choice(String v, Class<E> type) {
        for (E e : type.getEnumConstants()) if (word(e).equalsIgnoreCase(v.strip())) return e;
        StringBuilder names = new StringBuilder();
        for (E e : type.getEnumConstants())
            names.append(names.length() == 0 ? "" : " or ").append(word(e));
        throw new IllegalArgumentException("must be " + names + ", not '" + v + "'");
    }

    public static String text(String v) {
        if (v.isBlank()) throw new IllegalArgumentException("must not be empty");
        if (v.chars().anyMatch(c -> c < 0x20))
            throw new IllegalArgumentException("must not contain control characters");
        return v;
    }

    /** A system group's name, as groupadd takes it; empty for none. */
    public static String group(String v) {
        if (v.isEmpty()) return null;
        if (!v.matches("[A-Za-z_][A-Za-z0-9_.-]{0,31}\\$?"))
            throw new IllegalArgumentException("must be a group's name, like chatroom, not '" + v + "'");
        return v;
    }

    /** A name that appears in every server reply: no spaces, no ':' or '!' or '@' that would break a prefix. */
    public static String serverName(String v) {
        if (!v.matches("[A-Za-z0-9][A-Za-z0-9.\\-]{0,62}")) {
            throw new IllegalArgumentException("must be 1-63 letters, digits, '.' or '-', like chat.example.org");
        }
        return v;
    }

    /** One Redis, or a primary found through Sentinels (their addresses, then # and the name they know it by). */
    public static String redisUri(String v) {
        if (v.isEmpty() || v.equals("off")) return null;
        String hostPort = "[^\\s/,@:#]+(:[0-9]{1,5})?";
        if (!v.matches("rediss?://[^\\s/]+(:[0-9]{1,5})?(/[0-9]*)?")
                && !v.matches(
                        "rediss?-sentinel://([^\\s/@]*@)?" + hostPort + "(," + hostPort + ")*(/[0-9]*)?#[^\\s#/]+"))
            throw new IllegalArgumentException(
                    "must look like redis://host:6379, or redis-sentinel://host:26379,host:26380#mymaster for Sentinel");
        return v;
    }

    /** HOST:PORT to listen on, or off (also empty) for nowhere. */
    public static HostPort hostPort(String v) {
        if (v.isBlank() || v.strip().equalsIgnoreCase("off")) return null;
        return HostPort.parse(v);
    }

    public static String nodeName(String v) {
        if (!v.matches("[A-Za-z0-9][A-Za-z0-9\\-]{0,31}"))
            throw new IllegalArgumentException("must be 1-32 letters, digits or '-', like n1");
        return v;
    }

    public static String room(String v) {
        if (!v.isEmpty() && !Names.isValidChannel(v)) {
            throw new IllegalArgumentException(
                    "must start with # and have no spaces or commas, e.g. #chatroom (or be empty for none)");
        }
        return v;
    }

    public static Path path(String v) {
        if (v.isBlank()) throw new IllegalArgumentException("must not be empty");
        try {
            return Path.of(v);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("is not a usable path: " + v);
        }
    }

    /** What {@code chatroom admin hash-password} prints: an Argon2id hash in the PHC string form. */
    private static final Pattern ARGON2ID =
            Pattern.compile("\\$argon2id\\$v=19\\$m=\\d+,t=\\d+,p=\\d+\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+");

    /**
     * IRC operators, {@code NAME:HASH} entries separated by ';' (neither a name nor an Argon2id
     * hash holds one, while a hash holds '$' and ','); empty for none. The names are as nicks
     * are, each once.
     */
    public static Map<String, String> opers(String v) {
        Map<String, String> opers = new LinkedHashMap<>();
        Set<String> folded = new HashSet<>();
        int n = 0;
        for (String entry : v.split(";")) {
            if (entry.isBlank()) continue;
            n++;
            int colon = entry.indexOf(':');
            String name = colon < 0 ? entry.strip() : entry.substring(0, colon).strip();
            String hash = colon < 0 ? "" : entry.substring(colon + 1).strip();
            if (!Names.isValidNick(name) || !ARGON2ID.matcher(hash).matches())
                throw new IllegalArgumentException("entry " + n + " must be NAME:HASH, the HASH printed by"
                        + " 'chatroom admin hash-password' ($argon2id$...), entries separated by ';'");
            if (!folded.add(Casemapping.fold(name)))
                throw new IllegalArgumentException("names the operator " + name + " twice");
            opers.put(name, hash);
        }
        return Collections.unmodifiableMap(opers);
    }

    /** The operators the way {@link #opers} reads them back; null for none. */
    public static String format(Map<String, String> opers) {
        if (opers.isEmpty()) return null;
        StringJoiner out = new StringJoiner(";");
        opers.forEach((name, hash) -> out.add(name + ":" + hash));
        return out.toString();
    }

    /**
     * Web origins, {@code scheme://host[:port]} separated by ';' (or ','), as browsers send them in
     * Origin: lower case, no path; {@code *} for any.
     */
    public static List<String> origins(String v) {
        List<String> out = new ArrayList<>();
        for (String entry : v.split("[;,]")) {
            String o = entry.strip().toLowerCase(Locale.ROOT);
            if (o.isEmpty()) continue;
            if (o.endsWith("/")) o = o.substring(0, o.length() - 1);
            if (!o.equals("*") && !ORIGIN.matcher(o).matches())
                throw new IllegalArgumentException(
                        "entry " + entry.strip() + " must be an origin such as https://chat.example.org (or *)");
            if (!out.contains(o)) out.add(o);
        }
        return out;
    }

    private static final Pattern ORIGIN =
            Pattern.compile("https?://[a-z0-9.\\-]+(:\\d{1,5})?|https?://\\[[0-9a-f:.]+](:\\d{1,5})?");

    /** Addresses or blocks ({@code 10.0.0.1}, {@code 10.0.0.0/8}, {@code fd00::/8}) separated by ';' (or ','), as address/length. */
    public static List<String> cidrs(String v) {
        List<String> out = new ArrayList<>();
        for (String entry : v.split("[;,]")) {
            if (entry.isBlank()) continue;
            Cidr c = Cidr.parse(entry);
            if (c == null)
                throw new IllegalArgumentException(
                        "entry " + entry.strip() + " must be an address or a block such as 10.0.0.0/8");
            if (!out.contains(c.toString())) out.add(c.toString());
        }
        return out;
    }

    /** A list the way {@link #origins} and {@link #cidrs} read it back; null for none. */
    public static String format(List<String> list) {
        return list.isEmpty() ? null : String.join(";", list);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}

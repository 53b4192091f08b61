package dev.chatroom.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The text form of one record, as Redis keeps it in a hash and the cluster bus carries it: its
 * fields separated by tabs, each escaped ({@code \\ \t \n \r}) so a field may hold any text,
 * and {@code \0} alone standing for null (a real backslash is always doubled, so no text encodes
 * to it). Readable in {@code redis-cli}, and no JSON library is needed. A list is a field holding
 * its own record: its size first, so an empty list and a list of one empty string differ.
 */
public final class Fields {
    private static final String NULL = "\\0";

    private Fields() {}

    public static String join(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append('\t');
            String f = fields.get(i);
            if (f == null) {
                sb.append(NULL);
                continue;
            }
            for (int j = 0; j < f.length(); j++) {
                char c = f.charAt(j);
                switch (c) {
                    case '\\' -> sb.append("\\\\");
                    case '\t' -> sb.append("\\t");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    default -> sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    /** The fields of a joined record; at least one (the empty string is one empty field). */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean isNull = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t') {
                out.add(isNull ? null : field.toString());
                field.setLength(0);
                isNull = false;
            } else if (c == '\\') {
                if (++i == text.length()) throw new IllegalArgumentException("a backslash at the end");
                char e = text.charAt(i);
                switch (e) {
                    case '\\' -> field.append('\\');
                    case 't' -> field.append('\t');
                    case 'n' -> field.append('\n');
                    case 'r' -> field.append('\r');
                    case '0' -> isNull = true;
                    default -> throw new IllegalArgumentException("unknown escape \\" + e);
                }
                if (isNull && (field.length() > 0 || (i + 1 < text.length() && text.charAt(i + 1) != '\t'))) {
                    throw new IllegalArgumentException("\\0 inside a field");
                }
            } else {
                if (isNull) throw new IllegalArgumentException("\\0 inside a field");
                field.append(c);
            }
        }
        out.add(isNull ? null : field.toString());
        return out;
    }

    /** A record's fields after checking its version and its number of fields. */
    public static List<String> record(String text, String version, int count) {
        List<String> f = split(text);
        if (!version.equals(f.get(0)))
            throw new IllegalArgumentException("format " + f.get(0) + ", expected " + version);
        if (f.size() != count + 1) throw new IllegalArgumentException(f.size() - 1 + " fields, expected " + count);
        return f.subList(1, f.size());
    }

    public static String list(Collection<String> items) {
        if (items == null) return null;
        List<String> f = new ArrayList<>(items.size() + 1);
        f.add(Integer.toString(items.size()));
        f.addAll(items);
        return join(f);
    }

    public static List<String> unlist(String text) {
        if (text == null) return null;
        List<String> f = split(text);
        if (f.size() != Integer.parseInt(f.get(0)) + 1)
            throw new IllegalArgumentException("a list of " + f.get(0) + " holds " + (f.size() - 1));
        return f.subList(1, f.size());
    }

    public static String bool(boolean b) {
        return b ? "1" : "0";
    }

    public static boolean bool(String s) {
        if ("1".equals(s)) return true;
        if ("0".equals(s)) return false;
        throw new IllegalArgumentException("not 0 or 1: " + s);
    }
}

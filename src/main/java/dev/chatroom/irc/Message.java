package dev.chatroom.irc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One IRC message: optional IRCv3 tags, optional prefix (source), a command and its parameters.
 *
 * <p>Parsing follows the modern client protocol (modern.ircdocs.horse): any number of spaces
 * separate parameters, a parameter starting with ':' is the trailing one. Formatting writes the
 * last parameter as trailing when it has to be (empty, contains a space, starts with ':') or when
 * the message was built with {@link #trailing}, which is how real servers send free text.
 */
public final class Message {
    private final Map<String, String> tags;
    private final String prefix;
    private final String command;
    private final List<String> params;
    private final boolean forceTrailing;

    private Message(
            Map<String, String> tags, String prefix, String command, List<String> params, boolean forceTrailing) {
        this.tags = tags;
        this.prefix = prefix;
        this.command = command;
        this.params = params;
        this.forceTrailing = forceTrailing;
    }

    /** A message whose last parameter is written as trailing only when it must be. */
    public static Message of(String prefix, String command, String... params) {
        return create(Map.of(), prefix, command, List.of(params), false);
    }

    /** A message whose last parameter is always written with ':' (free text: PRIVMSG, numerics, QUIT). */
    public static Message trailing(String prefix, String command, String... params) {
        return create(Map.of(), prefix, command, List.of(params), params.length > 0);
    }

    public static Message create(
            Map<String, String> tags, String prefix, String command, List<String> params, boolean forceTrailing) {
        Objects.requireNonNull(command, "command");
        if (command.isEmpty()) throw new IllegalArgumentException("empty command");
        for (int i = 0; i < params.size(); i++) {
            String p = params.get(i);
            if (p.indexOf('\r') >= 0 || p.indexOf('\n') >= 0 || p.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("parameter contains CR, LF or NUL");
            }
            boolean last = i == params.size() - 1;
            if (!last && (p.isEmpty() || p.indexOf(' ') >= 0 || p.charAt(0) == ':')) {
                throw new IllegalArgumentException(
                        "only the last parameter may be empty, contain a space or start with ':'");
            }
        }
        return new Message(
                tags.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags)),
                prefix,
                command,
                List.copyOf(params),
                forceTrailing);
    }

    public Message withTags(Map<String, String> newTags) {
        return create(newTags, prefix, command, params, forceTrailing);
    }

    /**
     * Parses one line without its line terminator.
     *
     * @throws IllegalArgumentException when the line has no command or contains CR, LF or NUL
     */
    public static Message parse(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') throw new IllegalArgumentException("line contains CR, LF or NUL");
        }
        int pos = 0;
        int len = line.length();
        Map<String, String> tags = Map.of();
        if (pos < len && line.charAt(pos) == '@') {
            int end = indexOfSpace(line, pos);
            tags = parseTags(line.substring(pos + 1, end));
            pos = skipSpaces(line, end);
        }
        String prefix = null;
        if (pos < len && line.charAt(pos) == ':') {
            int end = indexOfSpace(line, pos);
            prefix = line.substring(pos + 1, end);
            pos = skipSpaces(line, end);
        }
        int end = indexOfSpace(line, pos);
        String command = line.substring(pos, end).toUpperCase(Locale.ROOT);
        if (command.isEmpty()) throw new IllegalArgumentException("no command");
        pos = skipSpaces(line, end);
        List<String> params = new ArrayList<>(4);
        boolean sawTrailing = false;
        while (pos < len) {
            if (line.charAt(pos) == ':') {
                params.add(line.substring(pos + 1));
                sawTrailing = true;
                break;
            }
            end = indexOfSpace(line, pos);
            params.add(line.substring(pos, end));
            pos = skipSpaces(line, end);
        }
        return new Message(tags, prefix, command, Collections.unmodifiableList(params), sawTrailing);
    }

    private static int indexOfSpace(String s, int from) {
        int i = s.indexOf(' ', from);
        return i < 0 ? s.length() : i;
    }

    private static int skipSpaces(String s, int from) {
        while (from < s.length() && s.charAt(from) == ' ') from++;
        return from;
    }

    static Map<String, String> parseTags(String raw) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String item : raw.split(";")) {
            if (item.isEmpty()) continue;
            int eq = item.indexOf('=');
            String key = eq < 0 ? item : item.substring(0, eq);
            String value = eq < 0 ? "" : unescapeTagValue(item.substring(eq + 1));
            if (!key.isEmpty()) tags.put(key, value);
        }
        return tags;
    }

    static String unescapeTagValue(String v) {
        if (v.indexOf('\\') < 0) return v;
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (++i >= v.length()) break; // a lone trailing backslash is dropped
            char e = v.charAt(i);
            switch (e) {
                case ':' -> sb.append(';');
                case 's' -> sb.append(' ');
                case 'r' -> sb.append('\r');
                case 'n' -> sb.append('\n');
                default -> sb.append(e); // "\\" and any unknown escape yield the character itself
            }
        }
        return sb.toString();
    }

    public static String escapeTagValue(String v) {
        StringBuilder sb = null;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            String rep = switch (c) {
                case ';' -> "\\:";
                case ' ' -> "\\s";
                case '\\' -> "\\\\";
                case '\r' -> "\\r";
                case '\n' -> "\\n";
                default -> null;
            };
            if (rep != null && sb == null) {
                sb = new StringBuilder(v.length() + 8);
                sb.append(v, 0, i);
            }
            if (sb != null) {
                if (rep != null) sb.append(rep);
                else sb.append(c);
            }
        }
        return sb == null ? v : sb.toString();
    }

    /** The message as a line, without CRLF. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(64);
        appendTo(sb, true);
        return sb.toString();
    }

    private void appendTo(StringBuilder sb, boolean withTags) {
        if (withTags && !tags.isEmpty()) {
            sb.append('@');
            appendTags(sb, tags);
            sb.append(' ');
        }
        appendWithoutTags(sb);
    }

    public void appendWithoutTags(StringBuilder sb) {
        if (prefix != null) sb.append(':').append(prefix).append(' ');
        sb.append(command);
        for (int i = 0; i < params.size(); i++) {
            String p = params.get(i);
            sb.append(' ');
            boolean last = i == params.size() - 1;
            if (last && (forceTrailing || p.isEmpty() || p.indexOf(' ') >= 0 || p.charAt(0) == ':')) sb.append(':');
            sb.append(p);
        }
    }

    public static void appendTags(StringBuilder sb, Map<String, String> tags) {
        boolean first = true;
        for (Map.Entry<String, String> e : tags.entrySet()) {
            if (!first) sb.append(';');
            first = false;
            sb.append(e.getKey());
            if (!e.getValue().isEmpty()) sb.append('=').append(escapeTagValue(e.getValue()));
        }
    }

    public Map<String, String> tags() {
        return tags;
    }

    public String prefix() {
        return prefix;
    }

    public String command() {
        return command;
    }

    public List<String> params() {
        return params;
    }

    public String param(int i) {
        return i < params.size() ? params.get(i) : null;
    }

    /** The nick part of the prefix ({@code nick!user@host}), or the whole prefix for a server. */
    public String sourceNick() {
        if (prefix == null) return null;
        int bang = prefix.indexOf('!');
        return bang < 0 ? prefix : prefix.substring(0, bang);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && m.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}

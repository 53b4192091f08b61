package dev.chatroom.store.redis;

import dev.chatroom.irc.Formatting;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SEARCH's words matched in Java the way SQLite's FTS5 index matches them (HistoryReads.ftsQuery
 * with the unicode61 tokenizer, remove_diacritics 2): Redis has no full-text index of its own
 * (RediSearch is a module this server does not require). Text is cut into tokens of letters,
 * digits and private-use characters, lower-cased, without diacritics; every word the user typed
 * must appear as a token sequence (a word like "don't" is the phrase "don t"), and the last word
 * with three letters or more also matches as a prefix, as in SQLite.
 */
final class SearchWords {
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}\\p{Co}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final List<List<String>> phrases;
    private final boolean lastIsPrefix;

    private SearchWords(List<List<String>> phrases, boolean lastIsPrefix) {
        this.phrases = phrases;
        this.lastIsPrefix = lastIsPrefix;
    }

    /** null when there is nothing to look for: SQLite answers nothing then too. */
    static SearchWords of(String words) {
        String[] parts = plain(words == null ? "" : words).trim().split("\\s+");
        List<List<String>> phrases = new ArrayList<>();
        boolean prefix = false;
        for (int i = 0; i < parts.length; i++) {
            String w = parts[i].replace("\"", "");
            if (w.isEmpty()) continue;
            List<String> tokens = tokens(w);
            if (tokens.isEmpty()) continue;
            phrases.add(tokens);
            prefix = i == parts.length - 1 && w.codePointCount(0, w.length()) >= 3;
        }
        return phrases.isEmpty() ? null : new SearchWords(phrases, prefix);
    }

    boolean matches(String text) {
        List<String> tokens = tokens(plain(text));
        for (int p = 0; p < phrases.size(); p++) {
            if (!contains(tokens, phrases.get(p), lastIsPrefix && p == phrases.size() - 1)) return false;
        }
        return true;
    }

    private static boolean contains(List<String> tokens, List<String> phrase, boolean prefix) {
        int n = phrase.size();
        for (int start = 0; start + n <= tokens.size(); start++) {
            boolean all = true;
            for (int j = 0; j < n && all; j++) {
                String t = tokens.get(start + j);
                String w = phrase.get(j);
                all = prefix && j == n - 1 ? t.startsWith(w) : t.equals(w);
            }
            if (all) return true;
        }
        return false;
    }

    static List<String> tokens(String s) {
        String folded = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String t : SEPARATORS.split(folded)) {
            if (!t.isEmpty()) out.add(t);
        }
        return out.isEmpty() ? Collections.emptyList() : out;
    }

    /** The words people search for, as SqliteHistoryStore.plain keeps them: no formatting, an action without its CTCP wrapping. */
    static String plain(String text) {
        String t = text;
        if (t.startsWith("\u0001ACTION ")) t = t.substring(8, t.endsWith("\u0001") ? t.length() - 1 : t.length());
        return Formatting.strip(t);
    }
}

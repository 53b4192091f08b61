package dev.chatroom.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;

/**
 * Reads a TOML config file onto a builder: every key of {@link ConfigKeys} at the top level.
 * tomlj parses it (TOML has a real specification, comments and typed values, and tomlj reports
 * line numbers); each problem is one sentence naming the file, line and key.
 */
public final class ConfigFile {
    private ConfigFile() {}

    /** Thrown for a config file that cannot be used; the message is the whole sentence for the user. */
    public static final class ConfigException extends Exception {
        public ConfigException(String message) {
            super(message);
        }
    }

    /**
     * The settings a server started with --config file (null: none) runs with, before its flags:
     * the defaults, then the file. The first problem found is thrown.
     */
    public static Settings read(Path file) throws ConfigException {
        Settings settings = ServerConfig.DEFAULTS.toSettings();
        if (file != null) {
            List<String> problems = applyAll(file, settings);
            if (!problems.isEmpty()) throw new ConfigException(problems.get(0));
        }
        return settings;
    }

    /** Applies every usable key of the file and returns one sentence per problem (none: the whole file applied). */
    public static List<String> applyAll(Path file, Settings builder) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            return List.of("cannot read the config file " + file + ": " + e.getMessage());
        }
        return applyAll(file.getFileName().toString(), text, builder);
    }

    /** Applies the text; the first problem found is thrown. */
    static void apply(String name, String text, Settings builder) throws ConfigException {
        List<String> problems = applyAll(name, text, builder);
        if (!problems.isEmpty()) throw new ConfigException(problems.get(0));
    }

    static List<String> applyAll(String name, String text, Settings builder) {
        TomlParseResult toml = Toml.parse(text);
        List<String> problems = new ArrayList<>();
        for (TomlParseError e : toml.errors())
            problems.add(name + " line " + e.position().line() + ": " + e.getMessage());
        if (!problems.isEmpty()) return problems; // what a broken file seems to say is not to be trusted
        for (String key : toml.keySet()) {
            String problem = applyKey(toml, key, builder);
            if (problem != null)
                problems.add(name + " line " + line(toml.inputPositionOf(List.of(key))) + ": " + problem);
        }
        return problems;
    }

    /** Sets one key; what is wrong with it, or null. */
    private static String applyKey(TomlParseResult toml, String key, Settings builder) {
        ConfigKey k = ConfigKeys.find(key);
        if (k == null) {
            String hint =
                    toml.isTable(List.of(key)) ? " (sections are not used: write every key at the top level)" : "";
            return "unknown key '" + key + "'" + hint + "; 'chatroom server --print-config' lists them all";
        }
        Object v = toml.get(List.of(key));
        if (k.list() && v instanceof TomlArray a) {
            v = joined(a);
            if (v == null) return key + " must be a list of strings";
        }
        if (!(v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean)) {
            return key + " must be a single value";
        }
        if (k.flag() && !(v instanceof Boolean)) return key + " must be true or false";
        try {
            k.set().accept(builder, v instanceof Double d ? Values.format(d) : v.toString());
            return null;
        } catch (IllegalArgumentException e) {
            return key + " " + e.getMessage();
        }
    }

    /** A list of strings as the setting's one text, entries separated by ';'; null when an entry is not a string. */
    private static String joined(TomlArray a) {
        StringJoiner out = new StringJoiner(";");
        for (int i = 0; i < a.size(); i++) {
            if (!(a.get(i) instanceof String s)) return null;
            out.add(s);
        }
        return out.toString();
    }

    private static int line(TomlPosition p) {
        return p == null ? 0 : p.line();
    }
}

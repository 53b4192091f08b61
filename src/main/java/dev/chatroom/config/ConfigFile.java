package dev.chatroom.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * line numbers); any problem is one {@link ConfigException} naming the file, line and key.
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
     * the defaults, then the file.
     */
    public static Settings read(Path file) throws ConfigException {
        Settings settings = ServerConfig.DEFAULTS.toSettings();
        if (file != null) apply(file, settings);
        return settings;
    }

    public static void apply(Path file, Settings builder) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read the config file " + file + ": " + e.getMessage());
        }
        apply(file.getFileName().toString(), text, builder);
    }

    static void apply(String name, String text, Settings builder) throws ConfigException {
        TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors()) {
            TomlParseError e = toml.errors().get(0);
            throw new ConfigException(name + " line " + e.position().line() + ": " + e.getMessage());
        }
        for (String key : toml.keySet()) {
            int line = line(toml.inputPositionOf(List.of(key)));
            String where = name + " line " + line + ": ";
            ConfigKey k = ConfigKeys.find(key);
            if (k == null) {
                String hint =
                        toml.isTable(List.of(key)) ? " (sections are not used: write every key at the top level)" : "";
                throw new ConfigException(where + "unknown key '" + key + "'" + hint
                        + "; 'chatroom server --print-config' lists them all");
            }
            Object v = toml.get(List.of(key));
            if (k.list() && v instanceof TomlArray a) v = joined(a, where + key);
            if (!(v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean)) {
                throw new ConfigException(where + key + " must be a single value");
            }
            if (k.flag() && !(v instanceof Boolean)) throw new ConfigException(where + key + " must be true or false");
            try {
                k.set().accept(builder, v instanceof Double d ? Values.format(d) : v.toString());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + key + " " + e.getMessage());
            }
        }
    }

    /** A list of strings as the setting's one text, entries separated by ';'. */
    private static String joined(TomlArray a, String what) throws ConfigException {
        StringJoiner out = new StringJoiner(";");
        for (int i = 0; i < a.size(); i++) {
            if (!(a.get(i) instanceof String s)) throw new ConfigException(what + " must be a list of strings");
            out.add(s);
        }
        return out.toString();
    }

    private static int line(TomlPosition p) {
        return p == null ? 0 : p.line();
    }
}

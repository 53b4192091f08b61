package dev.chatroom.config;

/**
 * The commented config file {@code --print-config} prints: every key of {@link ConfigKeys} at
 * its default, grouped and described, like ergo's default.yaml.
 */
public final class DefaultConfigFile {
    private DefaultConfigFile() {}

    /** The whole file, which reads back as {@link ServerConfig#DEFAULTS}. */
    public static String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("# chatroom server configuration (TOML). Every key, at its default.\n")
                .append("# Use it with: chatroom server --config chatroom.toml; flags given on the command line win.\n")
                .append("# Durations: 90 (seconds), 90s, 500ms, 5m, 1h, 2d.\n");
        String group = null;
        for (ConfigKey k : ConfigKeys.all()) {
            if (!k.group().equals(group)) {
                group = k.group();
                sb.append("\n# ---- ").append(group).append(" ----\n");
            }
            sb.append("\n# ").append(k.description()).append('\n');
            String def = k.defaultText();
            if (def == null && k.list()) {
                sb.append("# ")
                        .append(k.name())
                        .append(" = [\"")
                        .append(k.label())
                        .append("\"]\n");
            } else if (def == null) {
                sb.append("# ").append(k.name()).append(" = \"\"\n");
            } else {
                sb.append(k.name()).append(" = ").append(tomlValue(k, def)).append('\n');
            }
        }
        return sb.toString();
    }

    /** Numbers and booleans bare, everything else a quoted TOML string. */
    private static String tomlValue(ConfigKey k, String text) {
        Object v = k.get().apply(ServerConfig.DEFAULTS);
        if ((v instanceof Number || v instanceof Boolean) && text.equals(Values.format(v))) return text;
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}

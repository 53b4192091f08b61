package dev.chatroom.config;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One setting of {@link ConfigKeys}. {@code flag} settings are switches on the command line ({@code --log-messages});
 * {@code list} settings take several values: a repeatable flag, a list of strings in the config
 * file, written as one text with ';' between them.
 */
public record ConfigKey(
        String name,
        String group,
        String label,
        String description,
        boolean flag,
        boolean list,
        Function<ServerConfig, Object> get,
        BiConsumer<Settings, String> set) {

    /** The default as it would be written in the config file; null when there is none. */
    public String defaultText() {
        Object v = get.apply(ServerConfig.DEFAULTS);
        if ("BYTES".equals(label) && v instanceof Number n) return Values.formatBytes(n.longValue());
        return Values.format(v);
    }
}

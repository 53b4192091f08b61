package dev.chatroom.cli;

import dev.chatroom.config.ConfigFile;
import dev.chatroom.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which admin socket {@code chatroom admin console} attaches to: the one of the server's data
 * dir, of its config file, or given itself. With none of these, the settings a server started
 * without options would use (the data dir chatroom-data here), unless the config file a package
 * installs in /etc can be read: a server installed that way is the one meant.
 */
final class ConsoleSocket {
    /** Where the packages install the server's config file. */
    static final String SYSTEM_CONFIG_TEXT = "/etc/chatroom/chatroom.toml";

    static final Path SYSTEM_CONFIG = Path.of(SYSTEM_CONFIG_TEXT);

    private ConsoleSocket() {}

    /** The options that say which server: one at most. */
    static final class Where {
        @Option(
                names = "--data-dir",
                paramLabel = "DIR",
                description = "The server's data dir: attach through admin.sock in it.")
        Path dataDir;

        @Option(
                names = "--config",
                paramLabel = "FILE",
                description =
                        "The server's config file: attach through its admin-socket (or admin.sock in its data-dir).")
        Path configFile;

        @Option(
                names = "--socket",
                paramLabel = "FILE",
                description = "The admin socket itself, as the server's admin-socket setting names it.")
        Path socket;
    }

    /** The socket to attach to; systemConfig is read when where says nothing and it can be. */
    static Path path(Where where, Path systemConfig) throws ConfigFile.ConfigException {
        if (where != null && where.socket != null) return where.socket;
        if (where != null && where.dataDir != null)
            return ServerConfig.DEFAULTS.with(b -> b.dataDir(where.dataDir)).adminSocketFile();
        Path file = where != null && where.configFile != null
                ? where.configFile
                : Files.isReadable(systemConfig) ? systemConfig : null;
        return ConfigFile.read(file).build().adminSocketFile();
    }
}

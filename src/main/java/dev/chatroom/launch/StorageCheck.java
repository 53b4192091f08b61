package dev.chatroom.launch;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.ssh.SshHostKey;
import dev.chatroom.store.StoreException;
import dev.chatroom.store.sqlite.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The files a start needs, for {@code --check-config}: the data dir and what is in it (the database and its schema
 * version, the ssh host key), whether a running server holds it, and the log file. Read only.
 */
final class StorageCheck {
    private final ServerConfig config;
    private final Findings found;
    private final String user = System.getProperty("user.name");

    private StorageCheck(ServerConfig config, Findings found) {
        this.config = config;
        this.found = found;
    }

    /** Checks; returns the pid of the server holding the data dir (0: one whose pid is not known), if one does. */
    static OptionalLong run(ServerConfig config, Findings found) {
        StorageCheck c = new StorageCheck(config, found);
        OptionalLong running = c.dataDir();
        if (Files.isDirectory(config.dataDir())) {
            c.contents();
            if (config.redis() == null) c.database();
            if (config.sshPort() != ServerConfig.OFF) c.sshHostKey();
        }
        c.logFile();
        return running;
    }

    private OptionalLong dataDir() {
        Path dir = config.dataDir();
        if (!Files.exists(dir)) {
            writableToMake("data-dir", dir, "it will be made at start");
            return OptionalLong.empty();
        }
        if (!Files.isDirectory(dir)) {
            found.problem("data-dir", dir + " is not a directory");
            return OptionalLong.empty();
        }
        if (!Files.isWritable(dir) || !Files.isExecutable(dir)) {
            found.problem("data-dir", dir + " is not writable by " + user);
            return OptionalLong.empty();
        }
        found.ok("data-dir", dir + ": writable by " + user);
        try {
            OptionalLong running = DataDirLock.holder(dir);
            if (running.isPresent())
                found.note("data-dir", "in use by a running chatroom server" + DataDirLock.pid(running));
            return running;
        } catch (IOException e) {
            found.problem("data-dir", "cannot tell whether a server uses " + dir + ": " + e.getMessage());
            return OptionalLong.empty();
        }
    }

    /** The server reads and rewrites what is in its data dir (and makes it private): all of it must be this user's to. */
    private void contents() {
        try (Stream<Path> files = Files.list(config.dataDir())) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                if (!Files.isReadable(f) || !Files.isWritable(f))
                    found.problem("data-dir", f + " is not readable and writable by " + user);
            }
        } catch (IOException e) {
            found.problem("data-dir", "cannot list " + config.dataDir() + ": " + e.getMessage());
        }
    }

    private void database() {
        Path file = config.dataDir().resolve(Database.FILE);
        int current = Database.schemaVersion();
        try {
            int version = Database.schemaVersionOf(config.dataDir());
            if (version < 0) found.ok("data-dir", "no " + file + " yet: it will be made at start");
            else if (version == current) found.ok("data-dir", file + ": schema version " + version + ", current");
            else if (version < current)
                found.note(
                        "data-dir",
                        file + ": schema version " + version + ", brought to " + current
                                + " at start (back it up first:" + " chatroom admin backup)");
            else
                found.problem(
                        "data-dir",
                        file + " has schema version " + version + ", made by a newer chatroom (this one knows up to "
                                + current + ")");
        } catch (StoreException e) {
            found.problem("data-dir", e.getMessage());
        }
    }

    private void sshHostKey() {
        if (!Files.exists(config.dataDir().resolve(SshHostKey.FILE))) return; // made at start
        try {
            SshHostKey key = SshHostKey.loadOrCreate(config.dataDir()); // it exists: only read
            found.ok("ssh-port", "host key " + key.file() + ": " + key.fingerprint());
        } catch (IOException | RuntimeException e) {
            found.problem(
                    "ssh-port",
                    "cannot read the host key " + config.dataDir().resolve(SshHostKey.FILE) + ": " + e.getMessage());
        }
    }

    private void logFile() {
        Path file = config.logFile();
        if (file == null) return;
        if (!Files.exists(file)) writableToMake("log-file", file, "it will be made at start");
        else if (Files.isDirectory(file)) found.problem("log-file", file + " is a directory");
        else if (!Files.isWritable(file)) found.problem("log-file", file + " is not writable by " + user);
        else found.ok("log-file", file + ": writable by " + user);
    }

    /** A path to be made at start: the nearest directory that exists above it must let this user make it. */
    private void writableToMake(String key, Path path, String then) {
        Path parent = path.toAbsolutePath().getParent();
        while (parent != null && !Files.exists(parent)) parent = parent.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            found.problem(
                    key,
                    path + " cannot be made: "
                            + (parent == null ? "no directory above it" : parent + " is not a directory"));
        } else if (!Files.isWritable(parent) || !Files.isExecutable(parent)) {
            found.problem(key, path + " does not exist and " + user + " may not make it in " + parent);
        } else {
            found.ok(key, path + " does not exist yet: " + then);
        }
    }
}

package dev.chatroom.cli;

import dev.chatroom.store.StoreException;
import dev.chatroom.store.sqlite.Database;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chatroom admin}: maintenance of a server's data from the shell, while it runs or not. */
@Command(
        name = "admin",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Maintenance of the server's data, and its admin console.",
        subcommands = {AdminCommand.Backup.class, HashPasswordCommand.class, AdminConsoleCommand.class})
public final class AdminCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /**
     * {@code chatroom admin backup FILE}: a consistent copy of chatroom.db made with SQLite's
     * {@code VACUUM INTO}, safe while the server runs (WAL mode: the copy sees the last
     * committed state and the server does not wait).
     */
    @Command(
            name = "backup",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description =
                    "Copy the database (accounts, allow list) into FILE, consistently, also while the server runs.")
    static final class Backup implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Where the copy goes; must not exist.")
        Path file;

        @Option(
                names = "--data-dir",
                defaultValue = "chatroom-data",
                paramLabel = "DIR",
                description = "The server's data dir (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.exists(dataDir.resolve(Database.FILE))) {
                err.println("chatroom: no database at " + dataDir.resolve(Database.FILE)
                        + " (give the server's --data-dir)");
                return 1;
            }
            if (Files.exists(file)) {
                err.println("chatroom: " + file + " already exists; choose a new file");
                return 1;
            }
            try (Database db = Database.open(dataDir)) {
                db.backupTo(file);
            } catch (StoreException e) {
                err.println("chatroom: backup failed: " + e.getMessage());
                return 1;
            }
            out.println("Backed up " + dataDir.resolve(Database.FILE) + " to " + file + ".");
            return 0;
        }
    }
}

package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.Await;
import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the server and {@code chatroom admin} write is their owner's only, whatever the umask: the real jar run by a
 * shell with the usual umask 022, and the modes read back from the file system.
 */
class FilePermissionsIT {
    /** The jar started by sh after {@code umask 022}: what a login shell gives a server started by hand. */
    private static final List<String> UMASK_022 = List.of("sh", "-c", "umask 022; exec \"$0\" \"$@\"");

    @TempDir
    Path dir;

    @Test
    void everythingTheServerAndABackupWriteIsTheOwnersOnly() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("server.log");
        try (JarProcess server = server(data, log)) {
            int port = server.awaitListening();
            try (IrcTestClient alice = new IrcTestClient(port)) {
                alice.register("alice");
                alice.send("REGISTER * * correct-horse-battery");
                alice.expect("REGISTER SUCCESS");
                alice.send("PRIVMSG #chatroom :a private thought");
                alice.send("JOIN #vault");
                alice.expect(" 366 alice #vault ");
            }
            Await.until("history written", Duration.ofSeconds(10), () -> Files.exists(data.resolve("chatroom.db-wal")));
            try (JarProcess backup = new JarProcess(
                    UMASK_022, "admin", "backup", dir.resolve("backup.db").toString(), "--data-dir", data.toString())) {
                backup.expect("^Backed up ");
                assertThat(backup.waitForExit()).isZero();
            }
            assertThat(modes(data))
                    .containsKeys(
                            "chatroom.db",
                            "chatroom.db-wal",
                            "chatroom.db-shm",
                            "tls-cert.pem",
                            "tls-key.pem",
                            "ssh_host_ed25519_key");
            assertThat(modes(data))
                    .allSatisfy((file, mode) ->
                            assertThat(mode).as(file).isEqualTo(file.isEmpty() ? "rwx------" : "rw-------"));
            assertThat(mode(log)).isEqualTo("rw-------");
            assertThat(mode(dir.resolve("backup.db"))).isEqualTo("rw-------");
            server.type("/shutdown");
            assertThat(server.waitForExit()).isZero();
        }
    }

    @Test
    void aDataDirAndALogFileOthersCouldReadAreTakenBackAtStartWithANotice() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path db = Files.createFile(data.resolve("chatroom.db"));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        Path log = Files.createFile(dir.resolve("server.log"));
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
        try (JarProcess server = server(data, log)) {
            server.expect("^"
                    + Pattern.quote("Permissions: other users could read " + data + " (0755), " + db + " (0644) and "
                            + log + " (0644); now only this user can (directories 0700, files 0600).")
                    + "$");
            server.awaitListening();
            assertThat(mode(data)).isEqualTo("rwx------");
            assertThat(modes(data))
                    .allSatisfy((file, mode) ->
                            assertThat(mode).as(file).isEqualTo(file.isEmpty() ? "rwx------" : "rw-------"));
            assertThat(mode(log)).isEqualTo("rw-------");
        }
    }

    private static JarProcess server(Path data, Path log) throws IOException {
        return new JarProcess(
                UMASK_022,
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--tls-port",
                "0",
                "--ssh-port",
                "0",
                "--approve",
                "all",
                "--data-dir",
                data.toString(),
                "--log-file",
                log.toString());
    }

    /** Every file and directory under dir (itself as ""), with its mode as ls shows it. */
    private static Map<String, String> modes(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) out.put(dir.relativize(p).toString(), mode(p));
        }
        return out;
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }
}

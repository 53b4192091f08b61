package dev.chatroom.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.files.PrivateFiles.Loosened;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Owner-only directories and files, made new or taken back. */
class PrivateFilesTest {
    @TempDir
    Path dir;

    @Test
    void newDirectoriesAndFilesAreTheOwnersOnly() throws Exception {
        Path deep = dir.resolve("a").resolve("b");
        PrivateFiles.createDirectories(deep);
        assertThat(mode(dir.resolve("a"))).isEqualTo("rwx------");
        assertThat(mode(deep)).isEqualTo("rwx------");
        Path f = deep.resolve("f");
        assertThat(PrivateFiles.createFile(f)).isTrue();
        assertThat(mode(f)).isEqualTo("rw-------");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(PrivateFiles.createFile(f)).isFalse(); // there already: left as it is
        assertThat(mode(f)).isEqualTo("rw-rw-rw-");
    }

    @Test
    void tighteningClosesWhatOthersCouldOpenAndSaysWhatItWas() throws Exception {
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-x--x"));
        Path readable = Files.createFile(open.resolve("readable"));
        Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rw-r-----"));
        Path closed = Files.createFile(open.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("r--------"));
        Files.createSymbolicLink(open.resolve("link"), Path.of("/etc/hostname"));

        assertThat(PrivateFiles.tighten(open))
                .containsExactlyInAnyOrder(new Loosened(open, "0751"), new Loosened(readable, "0640"));
        assertThat(mode(open)).isEqualTo("rwx------");
        assertThat(mode(readable)).isEqualTo("rw-------");
        assertThat(mode(closed)).isEqualTo("r--------"); // tighter already: never loosened
        assertThat(PrivateFiles.tighten(open)).isEmpty();
        assertThat(PrivateFiles.tighten(dir.resolve("missing"))).isEmpty();
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}

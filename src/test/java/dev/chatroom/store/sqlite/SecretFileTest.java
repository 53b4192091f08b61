package dev.chatroom.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatroom.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFileTest {
    @TempDir
    Path dir;

    @Test
    void madeOnceOwnerOnlyThenReadAsItIs() throws Exception {
        Path file = dir.resolve("data").resolve("cloak-secret");
        byte[] made = SecretFile.readOrCreate(file);
        assertThat(made).hasSize(32);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(SecretFile.readOrCreate(file)).isEqualTo(made);
        assertThat(Files.list(file.getParent())).containsExactly(file); // no temporary file left behind
    }

    @Test
    void aDamagedFileIsReportedNotReplaced() throws Exception {
        Path file = dir.resolve("cloak-secret");
        Files.writeString(file, "not hex\n");
        assertThatThrownBy(() -> SecretFile.readOrCreate(file))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot use the secret in " + file + ": ")
                .hasMessageEndingWith("(move it away to have a new one made; every cloak then changes)");
        assertThat(Files.readString(file)).isEqualTo("not hex\n");
    }
}

package dev.chatroom.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshHostKeyTest {
    @TempDir
    Path dir;

    @Test
    void theKeyIsMadeOnceAndReadBackWithTheFingerprintSshKeygenPrints() throws Exception {
        SshHostKey made = SshHostKey.loadOrCreate(dir);
        assertThat(made.created()).isTrue();
        assertThat(made.fingerprint()).matches("SHA256:[A-Za-z0-9+/]{43}");
        SshHostKey again = SshHostKey.loadOrCreate(dir);
        assertThat(again.created()).isFalse();
        assertThat(again.fingerprint()).isEqualTo(made.fingerprint());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made.file())))
                .isEqualTo("rw-------");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")), "ssh-keygen is not installed");
        Process p = new ProcessBuilder("ssh-keygen", "-lf", made.file().toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isZero();
        assertThat(out).startsWith("256 " + made.fingerprint() + " ").contains("(ED25519)");
    }

    @Test
    void aDamagedKeyFileIsRefusedWithWhatToDo() throws Exception {
        Files.writeString(dir.resolve(SshHostKey.FILE), "not a key");
        assertThatThrownBy(() -> SshHostKey.loadOrCreate(dir))
                .hasMessageContaining("cannot read the SSH host key")
                .hasMessageContaining("move it away");
    }
}

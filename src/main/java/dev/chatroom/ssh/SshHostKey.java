package dev.chatroom.ssh;

import dev.chatroom.files.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.bouncycastle.jcajce.spec.EdDSAParameterSpec;

/**
 * The server's SSH host key: Ed25519, generated once into the data dir in OpenSSH's own format
 * (so {@code ssh-keygen -lf} reads it and prints the same fingerprint the server does) and
 * reused, so clients that trusted it once are never warned again.
 */
public final class SshHostKey {
    public static final String FILE = "ssh_host_ed25519_key";

    private final KeyPair keys;
    private final Path file;
    private final boolean created;

    private SshHostKey(KeyPair keys, Path file, boolean created) {
        this.keys = keys;
        this.file = file;
        this.created = created;
    }

    /** The key in dir, made (owner-only file) when there is none yet. */
    public static SshHostKey loadOrCreate(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        try {
            if (Files.exists(file)) return new SshHostKey(read(file), file, false);
            PrivateFiles.createDirectories(dir);
            KeyPairGenerator g = SecurityUtils.getKeyPairGenerator(SecurityUtils.EDDSA);
            g.initialize(new EdDSAParameterSpec(EdDSAParameterSpec.Ed25519));
            KeyPair kp = g.generateKeyPair();
            Path tmp = dir.resolve(FILE + ".new");
            Files.deleteIfExists(tmp);
            PrivateFiles.createFile(tmp);
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.TRUNCATE_EXISTING)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(kp, "chatroom", null, out);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return new SshHostKey(kp, file, true);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make the SSH host key " + file + ": " + e.getMessage(), e);
        }
    }

    private static KeyPair read(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            var pairs = SecurityUtils.loadKeyPairIdentities(null, new PathResource(file), in, null);
            if (pairs == null || !pairs.iterator().hasNext()) throw new IOException(file + " holds no key");
            return pairs.iterator().next();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IOException(
                    "cannot read the SSH host key " + file + ": " + e.getMessage()
                            + " (move it away to have a new one made; clients will then warn that the key changed)",
                    e);
        }
    }

    public KeyPair keys() {
        return keys;
    }

    public Path file() {
        return file;
    }

    public boolean created() {
        return created;
    }

    /** SHA256:... as ssh-keygen -lf prints it. */
    public String fingerprint() {
        return fingerprint(keys.getPublic());
    }

    public static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(key);
    }
}

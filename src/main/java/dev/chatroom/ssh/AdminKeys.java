package dev.chatroom.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * The keys that open the admin console over ssh ({@code ssh admin@host}): a file in OpenSSH's
 * authorized_keys format (the admin-keys setting). Read at each admin login, so a key added or
 * removed counts at once. Like sshd's StrictModes, a file other users may write is not trusted.
 */
public final class AdminKeys {
    /** A key listed: its SHA256:... fingerprint and the comment after it ("alice@laptop"). */
    public record Key(String fingerprint, String comment) {}

    private final Path file;

    public AdminKeys(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The keys listed; none when there is no file. Throws, saying why, for a file that cannot be used. */
    public List<Key> read() throws IOException {
        List<AuthorizedKeyEntry> entries;
        try {
            if (openToOthers()) throw new IOException(file + " may be written by other users: fix it with chmod 600");
            entries = AuthorizedKeyEntry.readAuthorizedKeys(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        List<Key> keys = new ArrayList<>();
        for (AuthorizedKeyEntry e : entries) {
            try {
                PublicKey k = e.resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
                if (k != null) keys.add(new Key(SshHostKey.fingerprint(k), e.getComment()));
            } catch (GeneralSecurityException | IOException | RuntimeException unknown) {
                // a key type this server does not know cannot log in: skipped
            }
        }
        return keys;
    }

    private boolean openToOthers() throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView("posix")) return false;
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        return mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE);
    }

    /** The listed key with this fingerprint; null when it is not listed. Throws when the file cannot be used. */
    Key find(String fingerprint) throws IOException {
        for (Key k : read()) if (k.fingerprint().equals(fingerprint)) return k;
        return null;
    }
}

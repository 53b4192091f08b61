package dev.chatroom.store.sqlite;

import dev.chatroom.files.PrivateFiles;
import dev.chatroom.store.StoreException;
import dev.chatroom.store.Stores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;

/**
 * A secret kept in a file of the data dir, readable by the server's user only (0600): made at
 * random the first time, read as it is from then on. Written to a new file and moved into place,
 * so a crash never leaves half a secret.
 */
final class SecretFile {
    private SecretFile() {}

    static byte[] readOrCreate(Path file) throws StoreException {
        try {
            if (!Files.exists(file)) create(file);
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            byte[] secret = HexFormat.of().parseHex(text);
            if (secret.length < 16) throw new IllegalArgumentException("too short");
            return secret;
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException(
                    "cannot use the secret in " + file + ": " + e.getMessage()
                            + " (move it away to have a new one made; every cloak then changes)",
                    e);
        }
    }

    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        PrivateFiles.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".new");
        Files.deleteIfExists(tmp);
        PrivateFiles.createFile(tmp);
        Files.writeString(tmp, HexFormat.of().formatHex(Stores.newSecret()) + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }
}

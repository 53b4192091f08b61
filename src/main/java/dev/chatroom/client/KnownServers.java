package dev.chatroom.client;

import dev.chatroom.tls.Fingerprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;

/**
 * {@code ~/.config/chatroom/known_servers} (or under {@code $XDG_CONFIG_HOME}): the certificates
 * the user accepted for servers no authority vouches for, one {@code host:port ab:cd:...} per
 * line, like ssh's known_hosts. Lines starting with # are comments.
 */
public final class KnownServers {
    private final Path file;

    public KnownServers(Path file) {
        this.file = file;
    }

    /** The file in the user's config directory. */
    public static KnownServers forUser() {
        return new KnownServers(ClientFiles.configDir().resolve("known_servers"));
    }

    public Path file() {
        return file;
    }

    /** A pin: its fingerprint and where it is (1-based line), to say how to remove it. */
    public record Pin(String fingerprint, int line) {}

    public Pin find(String host, int port) throws IOException {
        if (!Files.exists(file)) return null;
        String key = key(host, port);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String[] words = lines.get(i).strip().split("\\s+");
            if (words.length < 2 || words[0].startsWith("#")) continue;
            String fp = Fingerprint.normalize(words[1]);
            if (words[0].toLowerCase(Locale.ROOT).equals(key) && fp != null) return new Pin(fp, i + 1);
        }
        return null;
    }

    public void add(String host, int port, String fingerprint) throws IOException {
        ClientFiles.createPrivateDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
        }
        Files.writeString(
                file, key(host, port) + " " + fingerprint + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** {@code host:port}; an IPv6 address in brackets, so the port stays apart. */
    static String key(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        return (h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h) + ":" + port;
    }
}

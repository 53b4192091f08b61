package dev.chatroom.cluster;

import dev.chatroom.config.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret the servers of a cluster share: the key of the MAC (HMAC-SHA256) every event on the bus carries, so
 * that whoever can reach Redis but does not know it cannot make the servers do anything ({@link SealedBus}). Long
 * enough not to be guessed: {@value #MIN_LENGTH} characters, what {@code openssl rand -hex 16} prints.
 */
public final class ClusterSecret {
    public static final int MIN_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private ClusterSecret(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The secret as given; refused (with the reason, for the admin) when it is too short. */
    public static ClusterSecret of(String secret) {
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the cluster secret is too short (" + secret.length()
                    + " characters): it needs at least " + MIN_LENGTH + "; openssl rand -hex 32 makes a good one");
        }
        return new ClusterSecret(secret);
    }

    /**
     * The secret a server's settings give: cluster-secret, or the first line of cluster-secret-file, exactly one of
     * them. Refused with the reason when there is none, both, or it cannot be read.
     */
    public static ClusterSecret of(ServerConfig config) {
        if (config.clusterSecret() != null && config.clusterSecretFile() != null)
            throw new IllegalArgumentException("give --cluster-secret or --cluster-secret-file, not both");
        if (config.clusterSecret() != null) return of(config.clusterSecret());
        if (config.clusterSecretFile() == null) {
            throw new IllegalArgumentException("--redis needs the cluster's secret, the same on every server:"
                    + " --cluster-secret-file FILE (or --cluster-secret), at least " + MIN_LENGTH
                    + " characters; openssl rand -hex 32 > FILE makes one");
        }
        try {
            String text = Files.readString(config.clusterSecretFile(), StandardCharsets.UTF_8);
            return of(text.lines().findFirst().orElse("").strip());
        } catch (IOException e) {
            String why = e instanceof NoSuchFileException
                    ? "no such file"
                    : e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
            throw new IllegalArgumentException(
                    "cannot read --cluster-secret-file " + config.clusterSecretFile() + ": " + why, e);
        }
    }

    /** A new MAC with the secret as its key (one per thread: a Mac is not for two at once). */
    Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is missing from this JVM", e);
        }
    }
}

package dev.chatroom.client;

import dev.chatroom.tls.Pem;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How `chatroom join --tls` connects: the server's certificate checked by {@link ServerTrust}
 * (or not at all with --insecure), and optionally our own certificate for SASL EXTERNAL.
 * Certificates accepted in this run are remembered here too, so reconnecting never asks again
 * even when known_servers could not be written.
 */
public final class ClientTls {
    /** What the user said about a certificate no authority vouches for. */
    public enum Answer {
        YES,
        NO,
        CANNOT_ASK
    }

    /** Asks the user about a certificate no authority vouches for. */
    public interface Asker {
        Answer trust(String fingerprint) throws IOException;

        /** Something the user should know (a pin that could not be saved). */
        default void tell(String text) {}
    }

    /** Our own certificate, read once (a broken file is a usage error, said before connecting). */
    public record Identity(Path cert, Pem.Identity pem) {
        public static Identity load(Path cert, Path key) throws IOException {
            return new Identity(cert, Pem.load(cert, key));
        }
    }

    /** A refused certificate (changed, or not accepted): said once, never retried. */
    public static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    private final boolean insecure;
    private final Identity identity;
    private final KnownServers known;
    private final Asker asker;
    private final Map<String, String> acceptedNow = new ConcurrentHashMap<>();

    public ClientTls(boolean insecure, Identity identity, KnownServers known, Asker asker) {
        this.insecure = insecure;
        this.identity = identity;
        this.known = known;
        this.asker = asker;
    }

    /**
     * A password leaves this machine only encrypted: over TLS, or to this machine itself. Checked
     * by the client and not left to the server, which could only refuse it after it travelled.
     */
    static boolean passwordMayGo(String host, ClientTls tls) {
        boolean local =
                host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
        return tls != null || local;
    }

    /** A client certificate is presented. */
    public boolean hasCertificate() {
        return identity != null;
    }

    ServerTrust trust(String host, int port) {
        return new ServerTrust(host, port, insecure, known, asker, acceptedNow);
    }

    SslContext context(ServerTrust.Verdict verdict) throws IOException {
        SslContextBuilder b = SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .trustManager(verdict)
                .endpointIdentificationAlgorithm("HTTPS");
        if (identity != null)
            b.keyManager(identity.pem().key(), identity.pem().chain().toArray(X509Certificate[]::new));
        return b.build();
    }
}

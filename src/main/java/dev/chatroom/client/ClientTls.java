package dev.chatroom.client;

import dev.chatroom.tls.Pem;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

/**
 * How `chatroom join --tls` connects: the server's certificate checked by {@link ServerTrust}
 * (or not at all with --insecure), and optionally our own certificate for SASL EXTERNAL.
 */
public record ClientTls(boolean insecure, Path cert, Path key, KnownServers known, ClientTls.Asker asker) {
    /** Asks the user about a certificate no authority vouches for; false when not interactive or when they say no. */
    public interface Asker {
        boolean trust(String fingerprint) throws IOException;
    }


    /** A refused certificate (changed, or not accepted): said once, never retried. */
    public static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    ServerTrust trust(String host, int port) {
        return new ServerTrust(host, port, insecure, known, asker);
    }

    SslContext context(ServerTrust.Verdict verdict) throws IOException {
        SslContextBuilder b = SslContextBuilder.forClient().sslProvider(SslProvider.JDK).trustManager(verdict)
                .endpointIdentificationAlgorithm("HTTPS");
        if (cert != null) {
            Pem.Identity id = Pem.load(cert, key);
            b.keyManager(id.key(), id.chain().toArray(X509Certificate[]::new));
        }
        return b.build();
    }
}

package dev.chatroom.server.net;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.tls.Fingerprint;
import dev.chatroom.tls.Pem;
import dev.chatroom.tls.SelfSigned;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The server's TLS certificate and the context new TLS connections are made with. Either the
 * configured PEM files, or a self-signed certificate generated into the data dir on first start
 * and reused. {@link #reload()} reads the files again: connections accepted from then on use the
 * new certificate, those already up keep theirs.
 *
 * <p>Client certificates are requested but not required, and any is accepted: a client
 * certificate is not a proof of anything by itself here, only an identity SASL EXTERNAL can
 * match against the fingerprints an account has linked.
 */
public final class ServerTls {
    static final String SELF_SIGNED_CERT = "tls-cert.pem";
    static final String SELF_SIGNED_KEY = "tls-key.pem";

    private final ServerConfig config;
    private volatile Loaded current;

    /** What a load produced: the context, and facts about the certificate for the admin. */
    public record Loaded(
            SslContext context,
            X509Certificate leaf,
            String fingerprint,
            boolean trusted,
            boolean generated,
            Path certFile) {}

    private ServerTls(ServerConfig config, Loaded first) {
        this.config = config;
        this.current = first;
    }

    /** Loads (or, without configured files, creates) the certificate; an IOException says what is wrong, for the admin. */
    public static ServerTls start(ServerConfig config) throws IOException {
        return new ServerTls(config, load(config, true));
    }

    /** Loads the certificate as a start would, creating nothing: null when the self-signed one is not made yet. */
    public static Loaded loadExisting(ServerConfig config) throws IOException {
        return load(config, false);
    }

    SslContext context() {
        return current.context();
    }

    public Loaded current() {
        return current;
    }

    /** Reads the certificate files again; on any problem the old certificate stays and the exception says why. */
    public synchronized Loaded reload() throws IOException {
        Loaded next = load(config, true);
        current = next;
        return next;
    }

    private static Loaded load(ServerConfig config, boolean create) throws IOException {
        if ((config.tlsCert() == null) != (config.tlsKey() == null)) {
            throw new IOException(
                    "--tls-cert and --tls-key go together: give both, or neither for a self-signed certificate");
        }
        boolean generated = false;
        Path certFile = config.tlsCert();
        Path keyFile = config.tlsKey();
        if (certFile == null) {
            certFile = config.dataDir().resolve(SELF_SIGNED_CERT);
            keyFile = config.dataDir().resolve(SELF_SIGNED_KEY);
            if (!Files.exists(certFile) || !Files.exists(keyFile)) {
                if (!create) return null;
                try {
                    Pem.write(
                            SelfSigned.forServer(SelfSigned.localHostName(), Duration.ofDays(3650)), certFile, keyFile);
                } catch (IOException e) {
                    throw new IOException(
                            "cannot write a self-signed TLS certificate into " + config.dataDir() + ": "
                                    + e.getMessage(),
                            e);
                }
                generated = true;
            }
        }
        Pem.Identity id = Pem.load(certFile, keyFile);
        try {
            SslContext context = SslContextBuilder.forServer(
                            id.key(), id.chain().toArray(X509Certificate[]::new))
                    .sslProvider(SslProvider.JDK)
                    .clientAuth(ClientAuth.OPTIONAL)
                    .trustManager(InsecureTrustManagerFactory.INSTANCE)
                    .build();
            return new Loaded(
                    context,
                    id.leaf(),
                    Fingerprint.of(id.leaf()),
                    config.tlsCert() != null && trusted(id),
                    generated,
                    certFile);
        } catch (IOException | RuntimeException e) {
            throw new IOException(
                    certFile + " and " + keyFile + " do not make a usable TLS certificate: " + e.getMessage(), e);
        }
    }

    /** Whether clients trusting the system's certificate authorities will accept this chain (STS is only safe then). */
    private static boolean trusted(Pem.Identity id) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            for (var tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    x.checkServerTrusted(
                            id.chain().toArray(X509Certificate[]::new),
                            id.key().getAlgorithm().equals("EC") ? "ECDHE_ECDSA" : "ECDHE_RSA");
                    return true;
                }
            }
        } catch (Exception e) {
            return false;
        }
        return false;
    }
}

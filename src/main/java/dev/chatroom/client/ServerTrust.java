package dev.chatroom.client;

import dev.chatroom.tls.Fingerprint;
import java.io.IOException;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Whether to trust the server's certificate: the system's authorities (with the host name
 * checked) first; otherwise the fingerprint pinned in {@link KnownServers}, or the user's yes
 * when asked, as ssh does. The handshake itself records the verdict ({@link #handshake()});
 * {@link #decide} runs after it and before a single line is sent, so nothing (a password
 * included) reaches a server that was not accepted.
 */
final class ServerTrust {
    private final String host;
    private final int port;
    private final boolean insecure;
    private final KnownServers known;
    private final ClientTls.Asker asker;

    ServerTrust(String host, int port, boolean insecure, KnownServers known, ClientTls.Asker asker) {
        this.host = host;
        this.port = port;
        this.insecure = insecure;
        this.known = known;
        this.asker = asker;
    }

    /** What one handshake saw: the server's certificate and whether an authority vouched for it. */
    static final class Verdict extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager system = systemTrust();
        volatile X509Certificate leaf;
        volatile boolean trustedByAuthority;

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            leaf = chain[0];
            try {
                system.checkServerTrusted(chain, authType, engine);
                trustedByAuthority = true;
            } catch (CertificateException | RuntimeException e) {
                trustedByAuthority = false; // decided after the handshake, before anything is sent
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            leaf = chain[0];
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            leaf = chain[0];
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("a client does not check clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("a client does not check clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a client does not check clients");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return system.getAcceptedIssuers();
        }
    }

    Verdict handshake() {
        return new Verdict();
    }

    /** After the handshake: returns normally when the server may be talked to, throws with what to tell the user otherwise. */
    void decide(Verdict v) throws IOException {
        if (insecure || v.trustedByAuthority) return;
        if (v.leaf == null) throw new IOException("the server sent no certificate");
        String fp = Fingerprint.of(v.leaf);
        KnownServers.Pin pin = known.find(host, port);
        if (pin != null && pin.fingerprint().equals(fp)) return;
        if (pin != null) throw new IOException(changed(pin, fp));
        if (!asker.trust(fp)) {
            throw new IOException("The server's certificate is not trusted (SHA-256 fingerprint " + fp + "). Run chatroom join --tls in a terminal"
                    + " once to check and pin it, or use --insecure.");
        }
        known.add(host, port, fp);
    }

    private String changed(KnownServers.Pin pin, String now) {
        return String.join("\n",
                "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@",
                "@  WARNING: THE CERTIFICATE OF " + host + ":" + port + " HAS CHANGED!",
                "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@",
                "Someone may be intercepting the connection, or the server's certificate was replaced.",
                "Pinned:   " + pin.fingerprint(),
                "Now sent: " + now,
                "If the admin confirms the new fingerprint, remove line " + pin.line() + " of " + known.file()
                        + " (sed -i '" + pin.line() + "d' " + known.file() + ") and connect again.",
                "Not connecting.");
    }

    private static X509ExtendedTrustManager systemTrust() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            for (var tm : tmf.getTrustManagers()) if (tm instanceof X509ExtendedTrustManager x) return x;
        } catch (Exception e) {
            throw new IllegalStateException("the JDK has no default trust store: " + e.getMessage(), e);
        }
        throw new IllegalStateException("the JDK has no X.509 trust manager");
    }
}

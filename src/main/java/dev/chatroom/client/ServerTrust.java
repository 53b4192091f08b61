package dev.chatroom.client;

import dev.chatroom.tls.Fingerprint;
import java.io.IOException;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Map;
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
    /** host:port -> fingerprint accepted in this run (pinned, or said yes to). */
    private final Map<String, String> acceptedNow;

    ServerTrust(
            String host,
            int port,
            boolean insecure,
            KnownServers known,
            ClientTls.Asker asker,
            Map<String, String> acceptedNow) {
        this.host = host;
        this.port = port;
        this.insecure = insecure;
        this.known = known;
        this.asker = asker;
        this.acceptedNow = acceptedNow;
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
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("a client does not check clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
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
        String where = KnownServers.key(host, port);
        if (fp.equals(acceptedNow.get(where))) return;
        KnownServers.Pin pin = known.find(host, port);
        if (pin != null && pin.fingerprint().equals(fp)) {
            acceptedNow.put(where, fp);
            return;
        }
        if (pin != null) throw new IOException(changed(pin, fp));
        if (acceptedNow.containsKey(where))
            throw new IOException(changed(new KnownServers.Pin(acceptedNow.get(where), 0), fp));
        switch (asker.trust(fp)) {
            case YES -> {
                acceptedNow.put(where, fp);
                try {
                    known.add(host, port, fp);
                } catch (IOException e) {
                    asker.tell("Could not pin it in " + known.file() + " (" + e.getMessage()
                            + "); you will be asked again next time.");
                }
            }
            case NO -> throw new IOException("Not trusted; not connecting.");
            case CANNOT_ASK ->
                throw new IOException(
                        "The certificate of " + where + " is not signed by a known authority (SHA-256 fingerprint " + fp
                                + "). Pin it by running chatroom join --tls once in a terminal, or use --insecure.");
        }
    }

    private String changed(KnownServers.Pin pin, String now) {
        return String.join(
                "\n",
                "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@",
                "@  WARNING: THE CERTIFICATE OF " + host + ":" + port + " HAS CHANGED!",
                "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@",
                "Someone may be intercepting the connection, or the server's certificate was replaced.",
                "Pinned:   " + pin.fingerprint(),
                "Now sent: " + now,
                pin.line() == 0
                        ? "It was accepted earlier in this session; start chatroom join again if the admin confirms the new one."
                        : "If the admin confirms the new fingerprint, remove line " + pin.line() + " of " + known.file()
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

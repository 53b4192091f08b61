package dev.chatroom.launch;

import dev.chatroom.server.net.ServerTls;
import java.io.IOException;

/** What the admin is told about the TLS certificate: at start, and after a reload (/reload, SIGHUP). */
public final class TlsReport {
    private TlsReport() {}

    public static String describe(ServerTls.Loaded tls) {
        String kind = tls.generated()
                ? "new self-signed certificate"
                : tls.trusted() ? "certificate" : "self-signed or untrusted certificate";
        return "TLS " + kind + " " + tls.certFile() + ", expires "
                + tls.leaf().getNotAfter().toInstant().toString().substring(0, 10) + ", SHA-256 fingerprint "
                + tls.fingerprint()
                + (tls.trusted() ? "; STS advertised on the plain port." : "; no STS (clients must pin it).");
    }

    /** Reloads and says what happened; the old certificate stays when the new one is unusable. */
    public static String reload(ChatServer server) {
        try {
            return "Reloaded: " + describe(server.reloadCertificate());
        } catch (IOException e) {
            return "TLS reload failed, the old certificate stays: " + e.getMessage();
        }
    }
}

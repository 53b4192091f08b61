package dev.chatroom.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A certificate's SHA-256 fingerprint: what people compare by eye (the server prints it, the
 * client asks about it, irssi's {@code -tls_pinned_cert} and WeeChat's {@code tls_fingerprint}
 * take it) and what SASL EXTERNAL identifies an account by.
 */
public final class Fingerprint {
    private Fingerprint() {}

    /** {@code ab:cd:...}: 32 lowercase hex pairs separated by colons. */
    public static String of(X509Certificate cert) {
        return HexFormat.ofDelimiter(":").formatHex(digest(cert));
    }

    /** The same 64 hex digits without separators, as WeeChat's {@code tls_fingerprint} and irssi want them. */
    public static String hex(X509Certificate cert) {
        return HexFormat.of().formatHex(digest(cert));
    }

    /** A fingerprint as a user may type it (colons or not, any case) in the canonical {@code ab:cd:...} form; null if it is not one. */
    public static String normalize(String text) {
        String hex = text.strip().replace(":", "").toLowerCase(Locale.ROOT);
        if (hex.length() != 64 || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) return null;
        return HexFormat.ofDelimiter(":").formatHex(HexFormat.of().parseHex(hex));
    }

    private static byte[] digest(X509Certificate cert) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

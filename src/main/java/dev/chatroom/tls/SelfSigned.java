package dev.chatroom.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A new self-signed certificate with an ECDSA P-256 key: the server's when no certificate is
 * configured, and a client's for SASL EXTERNAL. P-256 because every TLS stack accepts it and a
 * handshake with it costs a fraction of RSA-2048's. Signed by the JDK's own providers; Bouncy
 * Castle only builds the certificate structure.
 */
public final class SelfSigned {
    private SelfSigned() {}

    /** For a server: valid for its host name, localhost and the loopback addresses. */
    public static Pem.Identity forServer(String hostName, Duration validity) {
        Set<String> names = new LinkedHashSet<>(List.of(hostName, "localhost"));
        return create(hostName, names, List.of("127.0.0.1", "::1"), validity);
    }

    /** For a client: the name is only a label (EXTERNAL goes by the fingerprint). */
    public static Pem.Identity forClient(String name, Duration validity) {
        return create(name, Set.of(), List.of(), validity);
    }

    /** This machine's name as the certificate should carry it, or localhost when it has none. */
    public static String localHostName() {
        try {
            String name = InetAddress.getLocalHost().getCanonicalHostName();
            return name == null || name.isBlank() || name.contains(":") ? "localhost" : name;
        } catch (Exception e) {
            return "localhost";
        }
    }

    private static Pem.Identity create(
            String commonName, Set<String> dnsNames, List<String> addresses, Duration validity) {
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
            kpg.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keys = kpg.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, commonName)
                    .build();
            Instant now = Instant.now();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                    subject,
                    new BigInteger(63, new SecureRandom()),
                    Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(validity)),
                    subject,
                    keys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            List<GeneralName> alt = new ArrayList<>();
            for (String d : dnsNames) alt.add(new GeneralName(GeneralName.dNSName, d));
            for (String a : addresses) alt.add(new GeneralName(GeneralName.iPAddress, a));
            if (!alt.isEmpty())
                b.addExtension(
                        Extension.subjectAlternativeName, false, new GeneralNames(alt.toArray(GeneralName[]::new)));
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new Pem.Identity(List.of(cert), keys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot create a certificate: " + e.getMessage(), e);
        }
    }
}

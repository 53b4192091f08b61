package dev.chatroom.tls;

import dev.chatroom.files.PrivateFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemGenerationException;

/**
 * PEM files as Let's Encrypt, openssl and ssh-keygen write them: a certificate chain (leaf
 * first), and a private key in any of the usual forms (PKCS#8, PKCS#1 RSA, SEC1 EC), which the
 * JDK alone cannot all read. Errors name the file and what is wrong with it.
 */
public final class Pem {
    private Pem() {}

    /** A certificate and its key, as loaded from files. */
    public record Identity(List<X509Certificate> chain, PrivateKey key) {
        public X509Certificate leaf() {
            return chain.get(0);
        }
    }

    public static Identity load(Path certFile, Path keyFile) throws IOException {
        return new Identity(certificates(certFile), privateKey(keyFile));
    }

    public static List<X509Certificate> certificates(Path file) throws IOException {
        List<X509Certificate> chain = new ArrayList<>();
        try (PEMParser p = new PEMParser(reader(file))) {
            JcaX509CertificateConverter convert = new JcaX509CertificateConverter();
            for (Object o = p.readObject(); o != null; o = p.readObject()) {
                if (o instanceof X509CertificateHolder h) chain.add(convert.getCertificate(h));
            }
        } catch (CertificateException | RuntimeException e) {
            throw new IOException(file + ": not a readable PEM certificate (" + e.getMessage() + ")", e);
        }
        if (chain.isEmpty())
            throw new IOException(file + ": no certificate in it (expected -----BEGIN CERTIFICATE-----)");
        return chain;
    }

    public static PrivateKey privateKey(Path file) throws IOException {
        try (PEMParser p = new PEMParser(reader(file))) {
            JcaPEMKeyConverter convert = new JcaPEMKeyConverter();
            for (Object o = p.readObject(); o != null; o = p.readObject()) {
                if (o instanceof PEMKeyPair pair) return convert.getPrivateKey(pair.getPrivateKeyInfo());
                if (o instanceof PrivateKeyInfo info) return convert.getPrivateKey(info);
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": not a readable PEM private key (" + e.getMessage() + ")", e);
        }
        throw new IOException(file + ": no unencrypted private key in it (expected -----BEGIN PRIVATE KEY-----)");
    }

    /** Writes the certificate and the key, the key readable by its owner only. */
    public static void write(Identity id, Path certFile, Path keyFile) throws IOException {
        try {
            writeFiles(id, certFile, keyFile);
        } catch (PemGenerationException e) {
            throw new IOException("cannot encode the key: " + e.getMessage(), e);
        }
    }

    private static void writeFiles(Identity id, Path certFile, Path keyFile) throws IOException {
        PrivateFiles.createDirectories(certFile.toAbsolutePath().getParent());
        PrivateFiles.createDirectories(keyFile.toAbsolutePath().getParent());
        Path keyTemp = keyFile.resolveSibling(keyFile.getFileName() + ".tmp");
        Files.deleteIfExists(keyTemp);
        PrivateFiles.createFile(keyTemp);
        try (Writer w = Files.newBufferedWriter(keyTemp, StandardCharsets.US_ASCII);
                JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(
                    new JcaPKCS8Generator(id.key(), null)); // PKCS#8, "BEGIN PRIVATE KEY": what every TLS stack reads
        }
        Path certTemp = certFile.resolveSibling(certFile.getFileName() + ".tmp");
        Files.deleteIfExists(certTemp);
        PrivateFiles.createFile(certTemp); // public, but the data dir keeps nothing others may read
        try (Writer w = Files.newBufferedWriter(certTemp, StandardCharsets.US_ASCII);
                JcaPEMWriter pem = new JcaPEMWriter(w)) {
            for (X509Certificate c : id.chain()) pem.writeObject(c);
        }
        Files.move(keyTemp, keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(certTemp, certFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Reader reader(Path file) throws IOException {
        if (!Files.isReadable(file))
            throw new IOException(file + ": " + (Files.exists(file) ? "not readable" : "no such file"));
        return Files.newBufferedReader(file, StandardCharsets.US_ASCII);
    }
}

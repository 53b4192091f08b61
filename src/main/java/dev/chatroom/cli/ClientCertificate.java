package dev.chatroom.cli;

import dev.chatroom.client.ClientFiles;
import dev.chatroom.tls.Fingerprint;
import dev.chatroom.tls.Pem;
import dev.chatroom.tls.SelfSigned;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** {@code chatroom join --make-cert}: a client certificate for SASL EXTERNAL, made once. */
final class ClientCertificate {
    private ClientCertificate() {}

    static int make(PrintStream out, PrintStream err) {
        Path dir = ClientFiles.configDir();
        Path cert = dir.resolve("client-cert.pem");
        Path key = dir.resolve("client-key.pem");
        if (Files.exists(cert) || Files.exists(key)) {
            err.println("chatroom: " + cert + " already exists; use it with --cert " + cert + " --key " + key
                    + " (delete both to make new ones)");
            return 2;
        }
        try {
            ClientFiles.createPrivateDirectories(dir);
            Pem.Identity id = SelfSigned.forClient(System.getProperty("user.name", "chatroom"), Duration.ofDays(3650));
            Pem.write(id, cert, key);
            out.println("Client certificate: " + cert);
            out.println("Its key:            " + key + " (readable by you only)");
            out.println("SHA-256 fingerprint: " + Fingerprint.of(id.leaf()));
            out.println("Use it: chatroom join --tls --cert " + cert + " --key " + key);
            out.println("It is linked to your account when you /register or log in with your password while using it.");
            return 0;
        } catch (IOException e) {
            err.println("chatroom: cannot write " + cert + ": " + e.getMessage());
            return 1;
        }
    }
}

package dev.chatroom.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.JarProcess;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS port and accounts from the outside, with real tools: openssl checks the fingerprint
 * the server printed and registers an account the admin allows always; irssi logs in to it with
 * SASL over TLS with the certificate pinned and skips the queue, and refuses a wrong pin; WeeChat
 * joins over TLS with the fingerprint pinned and waits for the admin like anyone without an account.
 */
class TlsInteropIT {

    @Test
    void opensslIrssiAndWeechatOverTls(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Tmux.available("irssi")
                        && Tmux.available("tmux")
                        && Tmux.available("weechat-headless")
                        && Tmux.available("openssl"),
                "SKIPPED: irssi, weechat-headless, tmux or openssl is not installed (.ci/run installs them with apt-get)");
        try (JarProcess server = new JarProcess(
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--tls-port",
                "0",
                "--data-dir",
                dir.resolve("data").toString())) {
            int tls = Integer.parseInt(
                    server.expect("and 127\\.0\\.0\\.1:(\\d+) \\(TLS\\)").group(1));
            String fingerprint = server.expect("SHA-256 fingerprint ((?:[0-9a-f]{2}:){31}[0-9a-f]{2}); no STS")
                    .group(1);

            // openssl sees the certificate the server printed
            Process fetch = new ProcessBuilder(
                            "sh",
                            "-c",
                            "openssl s_client -connect 127.0.0.1:" + tls
                                    + " </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha256")
                    .start();
            String seen = new String(fetch.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            assertThat(fetch.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(seen.toLowerCase(Locale.ROOT)).endsWith("fingerprint=" + fingerprint);

            // openssl as a bare IRC client registers dave before connecting; the admin allows him always
            Path out = dir.resolve("openssl.out");
            Process dave = new ProcessBuilder("openssl", "s_client", "-quiet", "-connect", "127.0.0.1:" + tls)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            try {
                OutputStream in = dave.getOutputStream();
                in.write("CAP LS 302\r\nNICK dave\r\nUSER dave 0 * :Dave\r\nREGISTER * * dave-password\r\nCAP END\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                in.flush();
                server.expect("^dave \\(account dave, TLS, 127\\.0\\.0\\.1\\) wants to join\\. Accept\\? \\[y/n/a\\]$");
                server.type("a");
                server.expect("^Allowed dave: logging in to it skips the queue\\.$");
                InteropIT.awaitText(out, " 001 dave ");
                assertThat(Files.readString(out))
                        .contains("REGISTER SUCCESS dave")
                        .contains(" 900 dave ");
                in.write("QUIT :bye\r\n".getBytes(StandardCharsets.US_ASCII));
                in.flush();
                server.expect("dave left the chat");
            } finally {
                dave.destroy();
                dave.waitFor(10, TimeUnit.SECONDS);
            }

            // irssi: SASL PLAIN over TLS, the certificate pinned; allow-listed, so no approval
            String pin = fingerprint.toUpperCase(Locale.ROOT);
            Path irssiHome = Files.createDirectories(dir.resolve("irssi"));
            try (Tmux irssi = new Tmux(
                    "tls-irssi-" + ProcessHandle.current().pid(), "TERM=tmux irssi --home=" + irssiHome + " -n dave")) {
                irssi.await("Irssi v", false);
                irssi.typeLine(
                        "/network add -sasl_mechanism PLAIN -sasl_username dave -sasl_password dave-password chat");
                irssi.typeLine(
                        "/server add -tls -notls_verify -tls_pinned_cert " + pin + " -network chat 127.0.0.1 " + tls);
                irssi.typeLine("/connect chat");
                irssi.await("SASL authentication succeeded", false);
                server.expect("^dave \\(account dave, TLS, 127\\.0\\.0\\.1\\) is on the allow list: let in\\.$");
                irssi.await(
                        "Act: 2", false); // irssi made the channel window on the JOIN; before that Alt-2 does nothing
                irssi.keys("M-2");
                irssi.await("Total of 1 nick", false);

                // WeeChat (3.8 on Debian 12 still says ssl): the fingerprint pinned, no account, so the admin decides
                Path wee = Files.createDirectories(dir.resolve("weechat"));
                Process weechat = new ProcessBuilder(
                                "weechat-headless",
                                "--dir",
                                wee.toString(),
                                "-r",
                                "/set logger.file.flush_delay 0; /set fifo.file.enabled on; /server add chat 127.0.0.1/"
                                        + tls + " -ssl; "
                                        + "/set irc.server.chat.ssl_fingerprint " + fingerprint.replace(":", "") + "; "
                                        + "/set irc.server.chat.tls_fingerprint " + fingerprint.replace(":", "") + "; "
                                        + "/set irc.server.chat.nicks erin; /connect chat")
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("weechat.out").toFile())
                        .start();
                try {
                    server.expect("^erin \\(no account, TLS, 127\\.0\\.0\\.1\\) wants to join");
                    server.type("y");
                    Path serverLog = InteropIT.awaitFile(wee.resolve("logs").resolve("irc.server.chat.weechatlog"));
                    InteropIT.awaitText(serverLog, "fingerprint matches");
                    Path room = InteropIT.awaitFile(wee.resolve("logs").resolve("irc.chat.#chatroom.weechatlog"));
                    InteropIT.awaitText(room, "2 nicks");
                    irssi.typeLine("hello over tls");
                    InteropIT.awaitText(room, "hello over tls");
                    Files.writeString(InteropIT.awaitFifo(wee), "irc.chat.#chatroom *hi dave, encrypted\n");
                    irssi.await("hi dave, encrypted", false);
                } finally {
                    weechat.destroy();
                    weechat.waitFor(10, TimeUnit.SECONDS);
                }
            }

            // a pin that does not match: irssi refuses the server
            String wrong = (pin.startsWith("00") ? "11" : "00") + pin.substring(2);
            Path otherHome = Files.createDirectories(dir.resolve("irssi2"));
            try (Tmux irssi = new Tmux(
                    "tls-irssi2-" + ProcessHandle.current().pid(),
                    "TERM=tmux irssi --home=" + otherHome + " -n mallory")) {
                irssi.await("Irssi v", false);
                irssi.typeLine("/connect -tls -notls_verify -tls_pinned_cert " + wrong + " 127.0.0.1 " + tls);
                irssi.await("Pinned certificate mismatch", false);
                assertThat(irssi.screen(false)).doesNotContain("Welcome to the chatroom");
            }
        }
    }
}

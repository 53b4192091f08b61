package dev.chatroom.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.files.PrivateFiles;
import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chatroom admin console} against a server started with its standard input at its end,
 * as a service is: attached on a terminal (tmux) and from scripts, approving and rejecting;
 * two consoles racing for one request; /shutdown from a console; the socket's permissions,
 * and, when the test runs as root with setpriv and perl, another user and a member of the
 * admin-group trying to connect.
 */
class AdminConsoleIT {
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String JAR = System.getProperty("chatroom.jar", "target/chatroom.jar");

    private static JarProcess unattended(String... args) throws Exception {
        JarProcess server = new JarProcess(args);
        server.closeInput(); // as under systemd, nohup or a container: nobody types here
        return server;
    }

    /** A console reading a script: each line typed, then the end of its input; its output and status. */
    private static JarProcess script(Path dataDir, String... lines) throws Exception {
        JarProcess console = new JarProcess("admin", "console", "--data-dir", dataDir.toString());
        for (String l : lines) console.type(l);
        console.closeInput();
        return console;
    }

    private static IrcTestClient request(int port, String nick, JarProcess server) throws Exception {
        IrcTestClient c = new IrcTestClient(port).autoPong();
        c.sendRegistration(nick);
        c.expect("Waiting for the admin");
        server.expect("^" + nick + " \\(no account, 127\\.0\\.0\\.1\\) wants to join");
        return c;
    }

    private static String mode(Path p) throws Exception {
        return PrivateFiles.octal(Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .permissions());
    }

    @Test
    void anUnattendedServerIsRunFromAttachedConsoles(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Tmux.available("tmux"), "SKIPPED: tmux is not installed (.ci/run installs it with apt-get)");
        Path data = dir.resolve("data");
        String where = data.toAbsolutePath().normalize().toString();
        try (JarProcess server =
                unattended("server", "--host", "127.0.0.1", "--port", "0", "--data-dir", data.toString())) {
            int port = server.awaitListening();
            server.expect("^Admin console: chatroom admin console --data-dir " + Pattern.quote(where) + "$");
            assertThat(mode(data.resolve("admin.sock"))).isEqualTo("0600");
            if (OtherUser.possible())
                assertThat(OtherUser.connects("UNIX", data.resolve("admin.sock").toString()))
                        .as("another user attaches")
                        .isFalse();

            // on a terminal: the prompt asks about the oldest request, Tab completes, y and n answer
            String command = "TERM=xterm-256color " + JAVA + " -jar " + JAR + " admin console --data-dir " + data
                    + "; echo EXIT=$?; sleep 60";
            try (Tmux console =
                    new Tmux("chatroom-admin-" + ProcessHandle.current().pid(), command)) {
                console.await("Attached as console 1.", false);
                server.expect("^\\(console 1\\) attached$");
                IrcTestClient alice = request(port, "alice", server);
                IrcTestClient bob = request(port, "bob", server);
                console.await("bob (no account, 127.0.0.1) wants to join; 2 requests wait.", false);
                console.await("Accept alice (1 more waiting)? [y/n/a]", false);
                console.typeLine("y");
                alice.expect(" 001 alice ");
                console.await("Accept bob? [y/n/a]", false);
                console.typeLine("n");
                assertThat(bob.awaitClosed()).anyMatch(l -> l.contains("the admin rejected your request"));
                server.expect("^\\(console 1\\) rejected bob$");
                console.keys("/pen", "Tab");
                console.await("> /pending", false);
                console.keys("Enter");
                console.await("No one is waiting.", false);
                console.keys("C-d");
                console.await("EXIT=0", false);
                server.expect("^\\(console 1\\) detached$");
                alice.close();
            }
            assertThat(server.isAlive()).isTrue();

            // from scripts: one command a line, plain lines out, the end of input ends it
            IrcTestClient carol = request(port, "carol", server);
            JarProcess accepting = script(data, "/accept carol");
            assertThat(accepting.waitForExit()).isZero();
            carol.expect(" 001 carol ");
            IrcTestClient dave = request(port, "dave", server);
            JarProcess rejecting = script(data, "/reject dave spam");
            assertThat(rejecting.waitForExit()).isZero();
            assertThat(rejecting.printed()).contains("Rejected dave.");
            assertThat(dave.awaitClosed()).anyMatch(l -> l.contains("spam"));
            server.expect("^\\(console \\d\\) rejected dave: spam$");

            // two consoles answer one request at once: the first answer wins, the other hears of it
            IrcTestClient erin = request(port, "erin", server);
            JarProcess one = new JarProcess("admin", "console", "--data-dir", data.toString());
            JarProcess two = new JarProcess("admin", "console", "--data-dir", data.toString());
            for (JarProcess c : List.of(one, two)) c.expect("^erin \\(no account, 127\\.0\\.0\\.1\\) wants to join");
            one.type("/accept erin");
            two.type("/accept erin");
            one.closeInput();
            two.closeInput();
            assertThat(one.waitForExit()).isZero();
            assertThat(two.waitForExit()).isZero();
            erin.expect(" 001 erin ");
            List<String> said = List.of(String.join("\n", one.printed()), String.join("\n", two.printed()));
            assertThat(said)
                    .filteredOn(s -> s.contains("No request from erin. Type /pending."))
                    .hasSize(1);
            server.expect("^\\(console \\d\\) accepted erin$");

            // /shutdown stops the server; the console says so
            JarProcess stopping = script(data, "/shutdown maintenance");
            assertThat(stopping.waitForExit()).isZero();
            assertThat(stopping.printed()).contains("The server stopped.");
            assertThat(server.waitForExit()).isZero();
            List<String> log = server.printed();
            assertThat(log).filteredOn(l -> l.startsWith("Admin console:")).hasSize(1);
            assertThat(log).contains("Server stopped.").noneMatch(l -> l.contains("Exception"));
            assertThat(log).anyMatch(l -> l.matches("\\(console \\d\\) is shutting the server down: maintenance"));
            carol.close();
            erin.close();
        }
        assertThat(Files.exists(data.resolve("admin.sock"), LinkOption.NOFOLLOW_LINKS))
                .isFalse();

        JarProcess none = new JarProcess("admin", "console", "--data-dir", data.toString());
        assertThat(none.waitForExit()).isEqualTo(1);
        assertThat(none.printed())
                .containsExactly("chatroom: no server is running: no " + data.resolve("admin.sock")
                        + " (give the server's --data-dir, or --config with its config file)");
    }

    @Test
    void anAdminGroupsMembersReachTheSocketTheConfigFileNames(@TempDir Path dir) throws Exception {
        Path probe = Files.createFile(dir.resolve("probe"));
        String group =
                Files.readAttributes(probe, PosixFileAttributes.class).group().getName(); // this user's primary group
        int gid = (Integer) Files.getAttribute(probe, "unix:gid");
        // the way to the socket is open to the group (as systemd's RuntimeDirectory with RuntimeDirectoryMode=0750)
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-x---"));
        Path run = Files.createDirectory(dir.resolve("run"));
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-x---"));
        Path socket = run.resolve("admin.sock");
        Path config = dir.resolve("chatroom.toml");
        Files.writeString(
                config,
                "data-dir = \"" + dir.resolve("data") + "\"\nadmin-socket = \"" + socket + "\"\nadmin-group = \""
                        + group + "\"\n");
        try (JarProcess server = unattended("server", "--config", config.toString(), "--port", "0")) {
            server.awaitListening();
            server.expect("^Admin console: chatroom admin console --socket " + Pattern.quote(socket.toString()));
            PosixFileAttributes a = Files.readAttributes(socket, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            assertThat(PrivateFiles.octal(a.permissions())).isEqualTo("0660");
            assertThat(a.group().getName()).isEqualTo(group);
            if (OtherUser.possible()) {
                assertThat(OtherUser.connects("UNIX", socket.toString(), gid))
                        .as("a member of the group attaches")
                        .isTrue();
                server.expect("^\\(console 1\\) attached$");
                assertThat(OtherUser.connects("UNIX", socket.toString()))
                        .as("another user attaches")
                        .isFalse();
            }

            JarProcess console = new JarProcess("admin", "console", "--config", config.toString());
            console.type("/pending");
            console.closeInput();
            assertThat(console.waitForExit()).isZero();
            assertThat(console.printed()).containsExactly("No one is waiting.");
        }
    }
}

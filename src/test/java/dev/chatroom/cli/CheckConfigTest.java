package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.RedisServer;
import dev.chatroom.testing.TestServer;
import dev.chatroom.tls.Pem;
import dev.chatroom.tls.SelfSigned;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chatroom server --check-config} through the real command line, on real files and real sockets. */
class CheckConfigTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Checks with the data dir in the temporary folder, every port picked at start unless given. */
    private int check(String... args) {
        List<String> all = new ArrayList<>(List.of("server", "--check-config"));
        all.addAll(List.of(args));
        for (String[] d : new String[][] {
            {"--data-dir", dir.resolve("data").toString()}, {"--port", "0"}, {"--tls-port", "0"}, {"--ssh-port", "0"}
        }) {
            if (!all.contains(d[0])) all.addAll(List.of(d));
        }
        return RootCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
    }

    private List<String> problems() {
        return err.toString().lines().filter(l -> l.startsWith("chatroom: ")).toList();
    }

    @Test
    void aGoodConfigurationSaysWhatWasCheckedAndChangesNothing() throws Exception {
        Path toml = Files.writeString(dir.resolve("chatroom.toml"), "room = \"#lobby\"\n");
        assertThat(check("--config", toml.toString())).isZero();
        assertThat(out.toString())
                .contains("Checking " + toml)
                .contains("ok tls-cert: unset: a self-signed certificate will be made in")
                .contains("ok data-dir: " + dir.resolve("data") + " does not exist yet")
                .contains("ok port: 0: a free port is picked at start")
                .contains("ok metrics: off")
                .endsWith("No problems found." + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void everyProblemOfTheFileAndFlagsIsOneLineNamingItsKey() throws Exception {
        Path toml = Files.writeString(dir.resolve("c.toml"), "prot = 1\nsendq = \"lots\"\nroom = \"#ok\"\n");
        assertThat(check("--config", toml.toString(), "--ping-interval", "soon"))
                .isEqualTo(2);
        assertThat(problems())
                .containsExactly(
                        "chatroom: c.toml line 1: unknown key 'prot'; 'chatroom server --print-config' lists them all",
                        "chatroom: c.toml line 2: sendq must be a size such as 1048576, 512k, 256m or 1g, not 'lots'",
                        "chatroom: --ping-interval must be a duration such as 90s, 500ms, 5m or 1h, not 'soon'");
        assertThat(err.toString()).endsWith("3 problems found." + System.lineSeparator());
    }

    @Test
    void aPortInUseIsAProblemUnlessItIsTheDefaultTlsOrSshPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());
            assertThat(check("--host", "127.0.0.1", "--port", port)).isEqualTo(2);
            assertThat(problems())
                    .containsExactly("chatroom: port: cannot listen on 127.0.0.1:" + port + ": address already in use");
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            assertThat(check("--host", "127.0.0.1", "--port", "0", "--tls-port", port, "--ssh-port", port))
                    .isEqualTo(2);
            assertThat(problems())
                    .containsExactly(
                            "chatroom: tls-port: cannot listen on 127.0.0.1:" + port + ": address already in use",
                            "chatroom: ssh-port: " + port + " is also tls-port: give each its own port");
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            assertThat(check("--host", "127.0.0.1", "--metrics", "127.0.0.1:" + port))
                    .isEqualTo(2);
            assertThat(problems())
                    .containsExactly(
                            "chatroom: metrics: cannot listen on 127.0.0.1:" + port + ": address already in use");
        }
    }

    @Test
    void thePortsOfTheServerRunningOnTheDataDirAreItsOwn() throws Exception {
        try (TestServer running = new TestServer(TestServer.config(b -> b.dataDir(dir.resolve("data"))))) {
            String port = Integer.toString(running.port());
            assertThat(check("--host", "127.0.0.1", "--port", port)).isZero();
            assertThat(out.toString())
                    .contains("note data-dir: in use by a running chatroom server (pid "
                            + ProcessHandle.current().pid() + ")")
                    .contains("note port: 127.0.0.1:" + port + " is in use, by the running server (pid ");
        }
    }

    @Test
    void aMissingOrExpiredCertificateIsAProblem() throws Exception {
        assertThat(check(
                        "--tls-cert",
                        dir.resolve("none.pem").toString(),
                        "--tls-key",
                        dir.resolve("key.pem").toString()))
                .isEqualTo(2);
        assertThat(problems()).singleElement().asString().startsWith("chatroom: tls-cert: ");
        Path cert = dir.resolve("old.pem");
        Path key = dir.resolve("old-key.pem");
        Pem.write(SelfSigned.forServer("localhost", Duration.ofHours(-1)), cert, key);
        err.getBuffer().setLength(0);
        assertThat(check("--tls-cert", cert.toString(), "--tls-key", key.toString()))
                .isEqualTo(2);
        assertThat(problems()).singleElement().asString().matches("chatroom: tls-cert: .*old.pem expired on .*");
        Pem.write(SelfSigned.forServer("localhost", Duration.ofDays(30)), cert, key);
        out.getBuffer().setLength(0);
        assertThat(check("--tls-cert", cert.toString(), "--tls-key", key.toString()))
                .isZero();
        assertThat(out.toString()).contains("ok tls-cert: " + cert + ": expires ");
    }

    @Test
    void aDataDirThatIsAFileOrADatabaseFromANewerVersionIsAProblem() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThat(check("--data-dir", file.toString())).isEqualTo(2);
        assertThat(problems()).containsExactly("chatroom: data-dir: " + file + " is not a directory");

        Path data = Files.createDirectory(dir.resolve("newer"));
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("chatroom.db"));
                var s = db.createStatement()) {
            s.execute("PRAGMA user_version = 999");
        }
        err.getBuffer().setLength(0);
        assertThat(check("--data-dir", data.toString())).isEqualTo(2);
        assertThat(problems())
                .singleElement()
                .asString()
                .startsWith("chatroom: data-dir: " + data.resolve("chatroom.db")
                        + " has schema version 999, made by a newer chatroom");

        Files.writeString(data.resolve("chatroom.db"), "not a database, but long enough to look like one's header..");
        err.getBuffer().setLength(0);
        assertThat(check("--data-dir", data.toString())).isEqualTo(2);
        assertThat(problems())
                .singleElement()
                .asString()
                .startsWith("chatroom: data-dir: " + data.resolve("chatroom.db"));
    }

    @Test
    void aDatabaseMadeByTheServerIsCurrent() throws Exception {
        new TestServer(TestServer.config(b -> b.dataDir(dir.resolve("data")))).close();
        assertThat(check()).isZero();
        assertThat(out.toString()).containsPattern("ok data-dir: .*chatroom.db: schema version \\d+, current");
    }

    @Test
    void unreadableFilesAreProblems() throws Exception {
        Files.writeString(dir.resolve("file"), "x");
        Path log = dir.resolve("file/x.log");
        assertThat(check("--motd-file", dir.resolve("none.txt").toString(), "--log-file", log.toString()))
                .isEqualTo(2);
        assertThat(problems())
                .containsExactly(
                        "chatroom: motd-file: cannot read the MOTD file " + dir.resolve("none.txt") + ": no such file",
                        "chatroom: log-file: " + log + " cannot be made: " + dir.resolve("file")
                                + " is not a directory");
    }

    @Test
    void anAdminSocketNeedsItsGroupAndADirectoryForIt() throws Exception {
        Path socket = dir.resolve("run/admin.sock");
        assertThat(check("--admin-socket", socket.toString(), "--admin-group", "no-such-group-here"))
                .isEqualTo(2);
        assertThat(problems()).containsExactly("chatroom: admin-group: no group no-such-group-here on this system");
        assertThat(out.toString()).contains("note admin-socket: " + dir.resolve("run") + " does not exist now");
        Files.createDirectory(dir.resolve("run"));
        out.getBuffer().setLength(0);
        assertThat(check("--admin-socket", socket.toString())).isZero();
        assertThat(out.toString()).contains("ok admin-socket: " + socket + ": its directory is writable");
    }

    @Test
    void nothingToListenOnIsAProblem() {
        assertThat(check("--port", "off", "--tls-port", "off")).isEqualTo(2);
        assertThat(problems())
                .containsExactly("chatroom: port: --port and --tls-port are both off: nothing to listen on");
    }

    @Test
    void aClusterNeedsItsSecretAndItsRedis() throws Exception {
        String unreachable = "redis://127.0.0.1:" + RedisServer.freePort();
        assertThat(check("--redis", unreachable, "--cluster-secret", "short")).isEqualTo(2);
        assertThat(problems())
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("chatroom: cluster-secret: the cluster secret is too short"))
                .anySatisfy(p -> assertThat(p)
                        .startsWith("chatroom: redis: Redis redis://127.0.0.1:")
                        .contains("cannot connect"));
    }

    @Test
    void aReachableRedisIsOkAndAWrongPasswordIsAProblem() throws Exception {
        try (RedisServer redis = RedisServer.start(List.of("--requirepass", "right-password"))) {
            String secret = "s".repeat(32);
            assertThat(check("--redis", redis.uri(":right-password"), "--cluster-secret", secret))
                    .isZero();
            assertThat(out.toString())
                    .contains("ok cluster-secret: usable")
                    .contains("ok redis: Redis at " + redis.uri() + ": reachable");
            assertThat(check("--redis", redis.uri(":wrong-password"), "--cluster-secret", secret))
                    .isEqualTo(2);
            assertThat(problems())
                    .containsExactly("chatroom: redis: Redis " + redis.uri()
                            + ": cannot connect: Redis refused the user name or password given in --redis");
        }
    }
}

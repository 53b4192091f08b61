package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which socket {@code chatroom admin console} attaches to, and what it says when no server listens there. */
class ConsoleSocketTest {
    private static ConsoleSocket.Where where(Path dataDir, Path config, Path socket) {
        ConsoleSocket.Where w = new ConsoleSocket.Where();
        w.dataDir = dataDir;
        w.configFile = config;
        w.socket = socket;
        return w;
    }

    @Test
    void theDataDirsTheConfigFilesOrTheOneGiven(@TempDir Path dir) throws Exception {
        Path none = dir.resolve("no-system-config.toml");
        assertThat(ConsoleSocket.path(where(dir.resolve("data"), null, null), none))
                .isEqualTo(dir.resolve("data").resolve("admin.sock"));
        assertThat(ConsoleSocket.path(where(null, null, dir.resolve("x.sock")), none))
                .isEqualTo(dir.resolve("x.sock"));

        Path config = dir.resolve("chatroom.toml");
        Files.writeString(config, "data-dir = \"/srv/chat\"\n");
        assertThat(ConsoleSocket.path(where(null, config, null), none)).isEqualTo(Path.of("/srv/chat/admin.sock"));
        Files.writeString(config, "data-dir = \"/srv/chat\"\nadmin-socket = \"/run/chatroom/admin.sock\"\n");
        assertThat(ConsoleSocket.path(where(null, config, null), none)).isEqualTo(Path.of("/run/chatroom/admin.sock"));
    }

    @Test
    void withNothingGivenTheServersDefaultsOrThePackagesConfigFile(@TempDir Path dir) throws Exception {
        Path system = dir.resolve("etc-chatroom.toml");
        assertThat(ConsoleSocket.path(null, system)).isEqualTo(Path.of("chatroom-data", "admin.sock"));
        Files.writeString(system, "admin-socket = \"/run/chatroom/admin.sock\"\nadmin-group = \"chatroom\"\n");
        assertThat(ConsoleSocket.path(null, system)).isEqualTo(Path.of("/run/chatroom/admin.sock"));
        assertThat(ConsoleSocket.path(where(dir, null, null), system)).isEqualTo(dir.resolve("admin.sock"));
    }

    @Test
    void noServerRunningIsOneLineAndStatus1(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = RootCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("admin", "console", "--data-dir", dir.toString());
        assertThat(status).isEqualTo(1);
        assertThat(err.toString())
                .isEqualTo("chatroom: no server is running: no " + dir.resolve("admin.sock")
                        + " (give the server's --data-dir, or --config with its config file)"
                        + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void oneWayOfSayingWhichServerAtATime(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int status = RootCommand.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("admin", "console", "--data-dir", dir.toString(), "--socket", "x.sock");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("mutually exclusive");
    }
}

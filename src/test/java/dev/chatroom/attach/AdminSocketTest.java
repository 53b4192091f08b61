package dev.chatroom.attach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.files.PrivateFiles;
import dev.chatroom.launch.StartException;
import dev.chatroom.testing.TestServer;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin socket's file, on a real server: who may connect is in its mode and group, a socket
 * a crashed server left is replaced, and anything else at its path is left alone.
 */
class AdminSocketTest {
    private static PosixFileAttributes attributes(Path p) throws IOException {
        return Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    /** The group a new file of this user gets: its primary group. */
    private static String primaryGroup(Path dir) throws IOException {
        Path probe = Files.createTempFile(dir, "group", "");
        try {
            return attributes(probe).group().getName();
        } finally {
            Files.delete(probe);
        }
    }

    @Test
    void inTheDataDirOnlyItsOwnerMayConnectAndItGoesWithTheServer() throws Exception {
        ServerConfig config = TestServer.config();
        Path socket = config.dataDir().resolve("admin.sock");
        try (TestServer server = new TestServer(config)) {
            assertThat(attributes(socket).isOther()).isTrue();
            assertThat(PrivateFiles.octal(attributes(socket).permissions())).isEqualTo("0600");
            assertThat(server.server().adminWays())
                    .containsExactly("chatroom admin console --data-dir "
                            + config.dataDir().toAbsolutePath().normalize());
        }
        assertThat(Files.exists(socket, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void withAnAdminGroupItsMembersMayConnectToo(@TempDir Path run) throws Exception {
        // a directory the group may enter: the socket is bound elsewhere first, then renamed here
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-x---"));
        String group = primaryGroup(run);
        Path socket = run.resolve("admin.sock");
        try (TestServer server =
                new TestServer(TestServer.config(b -> b.adminSocket(socket).adminGroup(group)))) {
            assertThat(PrivateFiles.octal(attributes(socket).permissions())).isEqualTo("0660");
            assertThat(attributes(socket).group().getName()).isEqualTo(group);
            assertThat(server.server().adminWays()).containsExactly("chatroom admin console --socket " + socket);
            try (var files = Files.list(run)) {
                assertThat(files).containsExactly(socket); // nothing left of where it was bound first
            }
        }
    }

    @Test
    void aSocketLeftByACrashedServerIsReplaced(@TempDir Path run) throws Exception {
        Path socket = run.resolve("admin.sock");
        ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        crashed.bind(UnixDomainSocketAddress.of(socket));
        crashed.close(); // the file stays, nobody listens
        try (TestServer server = new TestServer(TestServer.config(b -> b.adminSocket(socket)))) {
            assertThat(SocketFile.listening(socket)).isTrue();
            assertThat(PrivateFiles.octal(attributes(socket).permissions())).isEqualTo("0600");
        }
    }

    @Test
    void aChosenSocketThatCannotBeHadStopsTheStartSayingWhy(@TempDir Path run) throws Exception {
        Path notASocket = run.resolve("notes.txt");
        Files.writeString(notASocket, "keep me");
        assertThatThrownBy(() -> new TestServer(TestServer.config(b -> b.adminSocket(notASocket))))
                .isInstanceOf(StartException.class)
                .hasMessage("Admin socket: cannot listen on " + notASocket + ": " + notASocket
                        + " is not a socket; remove it or choose another path");
        assertThat(Files.readString(notASocket)).isEqualTo("keep me");

        Path socket = run.resolve("admin.sock");
        try (TestServer first = new TestServer(TestServer.config(b -> b.adminSocket(socket)))) {
            assertThatThrownBy(() -> new TestServer(TestServer.config(b -> b.adminSocket(socket))))
                    .hasMessage("Admin socket: cannot listen on " + socket + ": " + socket
                            + " is in use by another running server");
            assertThat(SocketFile.listening(socket)).isTrue(); // the first server's, still
        }

        assertThatThrownBy(() -> new TestServer(TestServer.config(b -> b.adminGroup("no-such-group-here"))))
                .hasMessageEndingWith(": no group no-such-group-here on this system (admin-group)");
    }

    @Test
    void theDefaultPlaceFailingIsSaidAndTheServerRunsWithoutIt(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("d".repeat(120)); // longer than a socket's path may be
        try (TestServer server = new TestServer(TestServer.config(b -> b.dataDir(data)))) {
            assertThat(server.expectEvent("^Admin socket: ")).contains("chatroom admin console cannot attach.");
            assertThat(server.server().adminWays()).isEmpty();
        }
    }
}

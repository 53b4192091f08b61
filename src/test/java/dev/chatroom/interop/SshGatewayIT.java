package dev.chatroom.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.JarProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ssh gateway, seen from outside the server as another local user would: the server process
 * listens on no TCP port but the ones it was told to, and whatever else it listens on (the
 * gateway's Unix domain socket, the admin socket) is in a directory only its own user may enter, so a connection
 * from another user is refused by the system and never reaches the server (nothing is logged).
 * Reads the process's sockets from /proc (Linux); connecting as another user needs root and
 * setpriv, otherwise only the listeners and the modes are checked.
 */
class SshGatewayIT {
    @Test
    void nothingButTheServersOwnProcessCanReachTheGateway(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "SKIPPED: needs Linux's /proc");
        Path gatewayDir;
        try (JarProcess server = new JarProcess(
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--ssh-port",
                "0",
                "--data-dir",
                dir.resolve("data").toString())) {
            Set<Integer> told = new HashSet<>();
            Matcher ports = Pattern.compile(":(\\d+)")
                    .matcher(server.expect("listening on (.*)\\(").group(1));
            while (ports.find()) told.add(Integer.parseInt(ports.group(1)));
            told.add(Integer.parseInt(
                    server.expect("^SSH on 127\\.0\\.0\\.1:(\\d+)").group(1)));

            Set<String> inodes = socketInodes(server.pid());
            Set<Integer> tcp = tcpListeners(server.pid(), inodes);
            List<Path> unix = unixListeners(server.pid(), inodes);
            if (OtherUser.possible()) {
                for (int port : tcp) {
                    if (!told.contains(port))
                        assertThat(OtherUser.connects("INET", "127.0.0.1:" + port))
                                .as("another user connects to port " + port)
                                .isFalse();
                }
                for (Path socket : unix)
                    assertThat(OtherUser.connects("UNIX", socket.toString()))
                            .as("another user connects to " + socket)
                            .isFalse();
            }
            assertThat(tcp).as("TCP ports the server listens on").isEqualTo(told);
            Path adminSocket = dir.resolve("data").resolve("admin.sock");
            assertThat(unix)
                    .as("the gateway's socket and the admin socket")
                    .hasSize(2)
                    .contains(adminSocket);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(adminSocket)))
                    .isEqualTo("rw-------");
            Path socket = unix.stream()
                    .filter(p -> !p.equals(adminSocket))
                    .findFirst()
                    .orElseThrow();
            gatewayDir = socket.getParent();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(gatewayDir)))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)))
                    .isEqualTo("rw-------");
            server.type("/users");
            server.expect("^0 users connected, 0 waiting\\.");
            assertThat(server.seen()).as("nothing reached the server").noneMatch(l -> l.contains("gateway"));
        }
        assertThat(Files.exists(gatewayDir)).as("removed when the server stops").isFalse();
    }

    /** The inodes of the process's sockets (its file descriptors that are sockets). */
    private static Set<String> socketInodes(long pid) throws IOException {
        Set<String> out = new HashSet<>();
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    Matcher m = Pattern.compile("socket:\\[(\\d+)]")
                            .matcher(Files.readSymbolicLink(fd).toString());
                    if (m.matches()) out.add(m.group(1));
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while listing
                }
            }
        }
        return out;
    }

    /** Ports the process listens on over TCP (IPv4 and IPv6): /proc/PID/net/tcp rows in state 0A, LISTEN. */
    private static Set<Integer> tcpListeners(long pid, Set<String> inodes) throws IOException {
        Set<Integer> out = new HashSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path p = Path.of("/proc", Long.toString(pid), "net", table);
            if (!Files.exists(p)) continue;
            List<String> rows = Files.readAllLines(p);
            for (String row : rows.subList(1, rows.size())) {
                String[] f = row.trim().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9]))
                    out.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
            }
        }
        return out;
    }

    /** Paths of the Unix domain sockets the process listens on: /proc/PID/net/unix rows with the listening flag. */
    private static List<Path> unixListeners(long pid, Set<String> inodes) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String row : Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", "unix"))) {
            String[] f = row.trim().split("\\s+");
            if (f.length >= 8 && f[3].equals("00010000") && inodes.contains(f[6])) out.add(Path.of(f[7]));
        }
        return out;
    }
}

package dev.chatroom.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real redis-server (Debian's) for one test: a free port on 127.0.0.1, its own temp dir,
 * append-only persistence (fsync always, so a restart keeps everything acknowledged), stopped by
 * its PID. {@link #restart()} stops it and starts it again on the same port and dir. Or a
 * redis-sentinel ({@link #sentinel}), on a port and dir of its own alike.
 */
public final class RedisServer implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final List<String> program;
    private final List<String> directives;
    private Process process;

    private RedisServer(Path dir, int port, List<String> program, List<String> directives) {
        this.dir = dir;
        this.port = port;
        this.program = program;
        this.directives = directives;
    }

    /** Starts one, or skips the test (assumption) when redis-server is not installed. */
    public static RedisServer start() throws IOException, InterruptedException {
        return start(List.of());
    }

    /**
     * One with more configuration, as redis-server takes it on its command line ({@code --requirepass pw}, {@code
     * --user name on >pw ~* +@all}); see {@link #startOrSkip} for directives this redis-server may lack.
     */
    public static RedisServer start(List<String> directives) throws IOException, InterruptedException {
        Assumptions.assumeTrue(installed(), "redis-server is not installed (apt-get install redis-server)");
        RedisServer r = new RedisServer(
                Files.createTempDirectory("chatroom-redis"), freePort(), List.of("redis-server"), directives);
        r.launch();
        return r;
    }

    /**
     * A redis-sentinel watching the primary on primaryPort under the name master, with quorum sentinels to agree it is
     * down; config: more lines of its sentinel.conf ({@code sentinel down-after-milliseconds chatroom 1000}). Skips the
     * test (assumption) when redis-sentinel is not installed.
     */
    public static RedisServer sentinel(String master, int primaryPort, int quorum, List<String> config)
            throws IOException, InterruptedException {
        Assumptions.assumeTrue(
                installed("redis-sentinel"), "redis-sentinel is not installed (apt-get install redis-sentinel)");
        Path dir = Files.createTempDirectory("chatroom-sentinel");
        List<String> lines = new ArrayList<>();
        lines.add("sentinel monitor " + master + " 127.0.0.1 " + primaryPort + " " + quorum);
        lines.addAll(config);
        Path conf = dir.resolve("sentinel.conf"); // Sentinel writes what it learns back into it
        Files.write(conf, lines);
        RedisServer r = new RedisServer(dir, freePort(), List.of("redis-sentinel", conf.toString()), List.of());
        r.launch();
        return r;
    }

    /** Like {@link #start(List)}, but a redis-server that refuses the directives (built without TLS) skips the test. */
    public static RedisServer startOrSkip(List<String> directives, String skipped)
            throws IOException, InterruptedException {
        try {
            return start(directives);
        } catch (IOException | AssertionError refused) {
            Assumptions.abort(skipped + ": " + refused.getMessage());
            throw refused;
        }
    }

    /** A free port on 127.0.0.1, for a second port of a redis-server (--tls-port). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public static boolean installed() {
        return installed("redis-server");
    }

    private static boolean installed(String program) {
        for (String p : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(p, program))) return true;
        }
        return false;
    }

    private void launch() throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(program);
        cmd.addAll(List.of(
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--dir",
                dir.toString(),
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
                "--save",
                "",
                "--daemonize",
                "no",
                "--protected-mode",
                "yes",
                "--logfile",
                dir.resolve("redis.log").toString()));
        cmd.addAll(directives);
        process = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .start();
        Await.until("PONG from " + program.get(0) + " on port " + port, Duration.ofSeconds(15), () -> {
            if (!process.isAlive())
                throw new IOException(program.get(0) + " exited " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("stdout.log")));
            return ping();
        });
    }

    /** One PING over a raw socket: true when PONG came back, or a refusal to answer without a password. */
    private boolean ping() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            s.setSoTimeout(500);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[16];
            int n = in.read(buf);
            String answer = n > 0 ? new String(buf, 0, n, StandardCharsets.US_ASCII) : "";
            return answer.startsWith("+PONG") || answer.startsWith("-NOAUTH");
        } catch (IOException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    /** redis://127.0.0.1:port, as --redis takes it. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** redis://who@127.0.0.1:port: who is user:password, or :password for requirepass. */
    public String uri(String who) {
        return "redis://" + who + "@127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public Path dir() {
        return dir;
    }

    /** Stops it (SIGTERM, then SIGKILL after 10 s) and waits until it is gone. */
    public void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Kills it at once (SIGKILL): what it acknowledged must be in its append-only file already. */
    public void kill() throws InterruptedException {
        if (process == null || !process.isAlive()) return;
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts it again on the same port and dir, after {@link #stop()} or {@link #kill()}. */
    public void startAgain() throws IOException, InterruptedException {
        launch();
    }

    public void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}

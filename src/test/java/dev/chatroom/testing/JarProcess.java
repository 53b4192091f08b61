package dev.chatroom.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The built jar run as a separate process ({@code java -jar chatroom.jar ...}), its output collected line by line. */
public final class JarProcess implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Thread reader;

    public JarProcess(String... args) throws IOException {
        this(List.of(), args);
    }

    /** The jar run under a prefix command (e.g. {@code prlimit --nofile=300}) and with extra JVM options. */
    public JarProcess(List<String> prefix, String... args) throws IOException {
        this(Map.of(), prefix, args);
    }

    /** With extra environment variables (XDG_CONFIG_HOME, CHATROOM_PASSWORD). */
    public JarProcess(Map<String, String> env, List<String> prefix, String... args) throws IOException {
        String jar = System.getProperty("chatroom.jar", "target/chatroom.jar");
        if (!Files.exists(Path.of(jar))) throw new IllegalStateException("no jar at " + jar + "; run mvn verify");
        List<String> cmd = new ArrayList<>();
        List<String> jvm = new ArrayList<>();
        for (String p : prefix) (p.startsWith("-X") || p.startsWith("-D") ? jvm : cmd).add(p);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.addAll(List.of("-jar", jar));
        cmd.addAll(List.of(args));
        if (args.length > 0 && args[0].equals("server")) {
            List<String> given = List.of(args);
            // tests run side by side: the default TLS port 6697 and a data dir in the working directory would be shared
            if (!given.contains("--tls-port") && !given.contains("--help")) cmd.addAll(List.of("--tls-port", "0"));
            if (!given.contains("--ssh-port") && !given.contains("--help")) cmd.addAll(List.of("--ssh-port", "off"));
            if (!given.contains("--data-dir") && !given.contains("--help")) {
                cmd.addAll(List.of(
                        "--data-dir", Files.createTempDirectory("chatroom-it").toString()));
            }
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        process = pb.start();
        reader = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) output.add(line);
                    } catch (IOException ignored) {
                        // process ended
                    }
                },
                "jar-output");
        reader.setDaemon(true);
        reader.start();
    }

    public void type(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    public void closeInput() throws IOException {
        process.getOutputStream().close();
    }

    /** Waits for an output line matching the regex and returns the match. */
    public Matcher expect(String regex) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        Matcher m = p.matcher(Await.take(
                "output matching " + regex,
                Duration.ofSeconds(30),
                output,
                l -> p.matcher(l).find(),
                seen));
        m.find(); // true: it is the line that matched
        return m;
    }

    /** The port from the server's "listening on HOST:PORT" line. */
    public int awaitListening() throws InterruptedException {
        return Integer.parseInt(expect("listening on [^ ]+:(\\d+)").group(1));
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the process dies at once, as in a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Sends SIGTERM (on Unix), as a service manager would. */
    public void terminate() {
        process.destroy();
    }

    public int waitForExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new AssertionError("process did not exit; output: " + seen);
        return process.exitValue();
    }

    public List<String> seen() {
        return seen;
    }

    /** Every line printed so far, those not looked at yet included (after {@link #waitForExit}: all of them). */
    public List<String> printed() throws InterruptedException {
        if (!process.isAlive()) reader.join(TimeUnit.SECONDS.toMillis(10)); // gone: what it printed is read to the end
        output.drainTo(seen);
        return seen;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}

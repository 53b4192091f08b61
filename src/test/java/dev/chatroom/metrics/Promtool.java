package dev.chatroom.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Prometheus's own checker, {@code promtool check metrics}; a test that needs it is skipped where it is missing. */
final class Promtool {
    private Promtool() {}

    /** Fails unless promtool accepts the text without a complaint. */
    static void accepts(String scraped, Path dir) throws IOException, InterruptedException {
        Assumptions.assumeTrue(
                installed(),
                "SKIPPED: promtool is not installed (Debian package prometheus; .ci/run installs it with apt-get)");
        assertThat(scraped).contains("# TYPE chatroom_");
        Path file = dir.resolve("metrics.txt");
        Files.writeString(file, scraped);
        Process p = new ProcessBuilder("promtool", "check", "metrics")
                .redirectInput(file.toFile())
                .redirectErrorStream(true)
                .start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("promtool ended").isTrue();
        assertThat(p.exitValue()).as(said).isZero();
        assertThat(said).as("promtool's complaints").isBlank();
    }

    private static boolean installed() {
        for (String p : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(p, "promtool"))) return true;
        }
        return false;
    }
}

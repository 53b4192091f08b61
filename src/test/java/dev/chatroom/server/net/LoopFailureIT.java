package dev.chatroom.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An error that ends the event loop ends the process: one line and status 1, never a quiet exit 0. */
class LoopFailureIT {
    @Test
    void anErrorEscapingTheEventLoopIsOneLineAndStatus1() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        FailingLoop.class.getName())
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the process ended").isTrue();
        List<String> output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(output)
                .containsExactly("chatroom: the event loop failed (java.lang.NoClassDefFoundError: " + FailingLoop.ERROR
                        + "); stopping so that a supervisor can restart the server");
    }
}

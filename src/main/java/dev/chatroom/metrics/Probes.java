package dev.chatroom.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * /healthz and /readyz, for supervisors and load balancers; anything else but /metrics is not found. Answered on the
 * HTTP server's threads, so a stuck event loop cannot keep them from answering that it is stuck.
 *
 * <ul>
 *   <li>/healthz: 200 while the event loop runs a task within a second, 503 when it does not (restart it).
 *   <li>/readyz: 200 once the server listens, its store open and, in a cluster, the cluster joined; 503 before, while
 *       it is split from the cluster, and once it is stopping (send no one there).
 * </ul>
 */
final class Probes implements HttpHandler {
    private final BooleanSupplier loopAnswers;
    private final BooleanSupplier ready;

    Probes(BooleanSupplier loopAnswers, BooleanSupplier ready) {
        this.loopAnswers = loopAnswers;
        this.ready = ready;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (exchange.getRequestURI().getPath()) {
                case "/healthz" -> {
                    if (loopAnswers.getAsBoolean()) answer(exchange, 200, "ok");
                    else answer(exchange, 503, "the event loop did not answer within a second");
                }
                case "/readyz" -> {
                    if (ready.getAsBoolean()) answer(exchange, 200, "ready");
                    else answer(exchange, 503, "not ready");
                }
                default -> answer(exchange, 404, "not found: /metrics, /healthz and /readyz are here");
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}

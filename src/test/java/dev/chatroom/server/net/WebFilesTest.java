package dev.chatroom.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The web port's plain HTTP side, asked over raw sockets so that no client tidies the paths first. */
class WebFilesTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(TestServer.config(b -> b.web(w -> w.port(0))));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    /** The whole answer to one request on a connection of its own (Connection: close). */
    private static String ask(String method, String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.webPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String header(String response, String name) {
        for (String line : response.split("\r\n")) {
            if (line.isEmpty()) break;
            if (line.toLowerCase().startsWith(name.toLowerCase() + ":"))
                return line.substring(name.length() + 1).strip();
        }
        return null;
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void theRootIsThePageWithAStrictPolicy() throws IOException {
        String r = ask("GET", "/");
        assertThat(r).startsWith("HTTP/1.1 200 OK\r\n");
        assertThat(header(r, "Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(header(r, "Content-Security-Policy"))
                .isEqualTo("default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self';"
                        + " script-src 'self'; frame-ancestors 'none'; base-uri 'none'");
        assertThat(header(r, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(body(r)).contains("<script type=\"module\" src=\"app.js\"></script>");
        assertThat(Integer.parseInt(header(r, "Content-Length")))
                .isEqualTo(body(r).getBytes(StandardCharsets.UTF_8).length);
        assertThat(ask("GET", "/index.html?x=1")).startsWith("HTTP/1.1 200 OK\r\n");
        for (String module : new String[] {"/app.js", "/session.js", "/irc.js", "/text.js", "/commands.js"})
            assertThat(header(ask("GET", module), "Content-Type")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(header(ask("GET", "/style.css"), "Content-Type")).isEqualTo("text/css; charset=utf-8");
    }

    @Test
    void headHasTheHeadersAndNoBody() throws IOException {
        String r = ask("HEAD", "/index.html");
        assertThat(r).startsWith("HTTP/1.1 200 OK\r\n");
        assertThat(Integer.parseInt(header(r, "Content-Length"))).isPositive();
        assertThat(body(r)).isEmpty();
    }

    @Test
    void unknownPathsAndOtherMethodsAreRefused() throws IOException {
        String r = ask("GET", "/nothing.html");
        assertThat(r).startsWith("HTTP/1.1 404 Not Found\r\n");
        assertThat(header(r, "Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(header(r, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(ask("GET", "/web")).startsWith("HTTP/1.1 404 ");
        String post = ask("POST", "/");
        assertThat(post).startsWith("HTTP/1.1 405 Method Not Allowed\r\n");
        assertThat(header(post, "Allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void nothingOutsideTheWebDirectoryCanBeReached() throws IOException {
        // each of these would name a resource of the jar outside web/ if it were resolved
        for (String path : new String[] {
            "/../web/index.html",
            "/./index.html",
            "/%2e%2e/web/index.html",
            "/%2E%2E%2Fweb%2Findex.html",
            "/..%2fdev/chatroom/Main.class",
            "//index.html",
            "/..\\web\\index.html",
            "/%2e%2e/logback.xml",
        }) {
            assertThat(ask("GET", path)).as(path).startsWith("HTTP/1.1 404 ");
        }
    }

    @Test
    void theNamesAcceptedAreOnlyThoseInsideWeb() {
        assertThat(WebFiles.name("/")).isEqualTo("index.html");
        assertThat(WebFiles.name("/css/app.css")).isEqualTo("css/app.css");
        assertThat(WebFiles.name("/a/../index.html")).isNull();
        assertThat(WebFiles.name("/%2e%2e%2findex.html")).isNull();
        assertThat(WebFiles.name("/bad%zz.html")).isNull();
        assertThat(WebFiles.name("/noextension")).isNull();
    }
}

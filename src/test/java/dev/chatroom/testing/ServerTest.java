package dev.chatroom.testing;

import dev.chatroom.server.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test class whose every test gets a fresh real server on 127.0.0.1. */
public abstract class ServerTest {
    protected TestServer server;

    /** The configuration of the server; accepting everyone unless a test class says otherwise. */
    protected ServerConfig config() {
        return TestServer.config();
    }

    @BeforeEach
    void startServer() throws Exception {
        server = new TestServer(config());
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }
}

package dev.chatroom.testing;

import dev.chatroom.config.ServerConfig;
import org.junit.jupiter.api.BeforeEach;

/** A test class whose every test gets a fresh in-memory server. */
public abstract class HubTest {
    protected InMemoryServer server;

    /** The server's configuration: accepting everyone unless a test class says otherwise. */
    protected ServerConfig config() {
        return InMemoryServer.config();
    }

    @BeforeEach
    void startServer() {
        server = new InMemoryServer(config());
    }
}

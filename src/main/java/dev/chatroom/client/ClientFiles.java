package dev.chatroom.client;

import java.nio.file.Path;

/** Where the client keeps its files: {@code $XDG_CONFIG_HOME/chatroom}, by default {@code ~/.config/chatroom}. */
public final class ClientFiles {
    private ClientFiles() {}

    public static Path configDir() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("chatroom");
    }
}

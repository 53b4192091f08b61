package dev.chatroom;

import dev.chatroom.cli.RootCommand;
import dev.chatroom.server.net.Fatal;
import java.io.PrintWriter;

/** The entry point: runs the {@code chatroom} command line and exits with its status. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Fatal.install(); // from the start: an out-of-memory while starting is status 3 too
        System.exit(RootCommand.commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args)
                .execute(args));
    }
}

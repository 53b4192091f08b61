package dev.chatroom;

import dev.chatroom.cli.RootCommand;
import java.io.PrintWriter;

/** The entry point: runs the {@code chatroom} command line and exits with its status. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(RootCommand.commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true))
                .execute(args));
    }
}

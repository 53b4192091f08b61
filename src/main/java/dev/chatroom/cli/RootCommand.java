package dev.chatroom.cli;

import dev.chatroom.server.net.Fatal;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code chatroom} command: {@code server}, {@code join}, {@code bench}, {@code admin}. */
@Command(
        name = "chatroom",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A terminal chat room that speaks IRC.")
public final class RootCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The configured command line; tests use it with their own writers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new RootCommand());
        cl.addSubcommand("server", ServerCommand.commandLine());
        cl.addSubcommand("join", JoinCommand.commandLine());
        cl.addSubcommand("bench", new BenchCommand());
        cl.addSubcommand("admin", new AdminCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine bad = ex.getCommandLine();
            bad.getErr().println("chatroom: " + ex.getMessage());
            bad.getErr().println("Try '" + bad.getCommandSpec().qualifiedName() + " --help' for the options.");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            Fatal.exitOnOutOfMemory(ex); // picocli catches it like any exception, in the command's thread
            line.getErr().println("chatroom: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

package dev.chatroom.cli;

import dev.chatroom.server.net.Fatal;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
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

    /** The subcommands by name, each made when needed: picocli reads a command's annotations when it is made. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("server", ServerCommand::commandLine);
        SUBCOMMANDS.put("join", JoinCommand::commandLine);
        SUBCOMMANDS.put("bench", BenchCommand::new);
        SUBCOMMANDS.put("admin", AdminCommand::new);
    }

    /** The configured command line with every subcommand; tests use it with their own writers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, SUBCOMMANDS.keySet());
    }

    /**
     * The command line for these arguments: with only the subcommand they name, or none for {@code --version} alone,
     * since making the others is most of what {@code chatroom join} and {@code chatroom --version} would spend
     * starting (docs/PERFORMANCE.md, start time); with all of them otherwise (help, a mistyped command).
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V")))
            return commandLine(out, err, Set.of());
        if (args.length > 0 && SUBCOMMANDS.containsKey(args[0])) return commandLine(out, err, Set.of(args[0]));
        return commandLine(out, err);
    }

    private static CommandLine commandLine(PrintWriter out, PrintWriter err, Set<String> subcommands) {
        CommandLine cl = new CommandLine(new RootCommand());
        SUBCOMMANDS.forEach((name, make) -> {
            if (subcommands.contains(name)) cl.addSubcommand(name, make.get());
        });
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

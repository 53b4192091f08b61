package dev.chatroom.cli;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.launch.ConfigCheck;
import dev.chatroom.launch.Findings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * {@code chatroom server --check-config}: prints what was checked (standard output, an "ok" or "note" line each) and
 * every problem (standard error, one line each naming the setting), then exits 0, or 2 when there was any problem.
 */
final class CheckConfig {
    private CheckConfig() {}

    /** settingProblems: what the config file and the flags already said is wrong; config: the rest of them, applied. */
    static int run(Path configFile, List<String> settingProblems, ServerConfig config, CommandLine cl) {
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        out.println("Checking " + (configFile == null ? "the defaults" : configFile) + " and the flags.");
        out.flush();
        settingProblems.forEach(p -> err.println("chatroom: " + p));
        err.flush();
        Findings found = ConfigCheck.run(config);
        for (Findings.Finding f : found.all()) {
            if (f.level() == Findings.Level.PROBLEM) {
                err.println("chatroom: " + f.key() + ": " + f.text());
                err.flush();
            } else {
                out.println(f.level().name().toLowerCase(Locale.ROOT) + " " + f.key() + ": " + f.text());
                out.flush();
            }
        }
        long problems = settingProblems.size() + found.problems();
        if (problems == 0) {
            out.println("No problems found.");
            out.flush();
            return 0;
        }
        err.println(problems + (problems == 1 ? " problem" : " problems") + " found.");
        err.flush();
        return ServerExit.BAD_CONFIG.code();
    }
}

package dev.chatroom.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.cli.RootCommand;
import dev.chatroom.config.ServerConfig;
import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.server.Replication;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.HubTest;
import dev.chatroom.testing.InMemoryServer;
import dev.chatroom.testing.UsageNotation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's table: what /help and {@code server --help} list, and which lines a cluster runs on every node. */
class ConsoleCommandsTest extends HubTest {
    /** The lines published to every node; publishing "succeeds", so the line does not also run here. */
    private final List<String> relayed = new ArrayList<>();

    @Override
    protected ServerConfig config() {
        return InMemoryServer.config(b -> b.approve(ApprovalPolicy.ASK));
    }

    @BeforeEach
    void inACluster() {
        server.hub.replication(new Replication.Standalone() {
            @Override
            public boolean relayConsole(String line, String by) {
                return relayed.add(line);
            }

            @Override
            public int servers() {
                return 2;
            }
        });
    }

    /** The verb and as many words as it needs: "/unlink bob bob". */
    private static String sample(ConsoleCommand c) {
        return c.verb() + " bob".repeat(c.minWords());
    }

    @Test
    void everyVerbIsInHelpWithItsUsage() {
        String help = server.admin.execute("/help");
        for (ConsoleCommand c : ConsoleCommands.TABLE) {
            assertThat(help)
                    .containsPattern("(?m)^" + Pattern.quote(c.usage()) + " {2,}" + Pattern.quote(c.description()));
            for (String alias : c.aliases()) assertThat(help).contains("(alias " + alias + ")");
        }
        assertThat(help.lines()).hasSize(ConsoleCommands.TABLE.size());
    }

    @Test
    void everyVerbAndAliasIsInTheServerHelpFooter() {
        StringWriter out = new StringWriter();
        assertThat(RootCommand.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
                        .execute("server", "--help"))
                .isZero();
        String footer = out.toString().substring(out.toString().indexOf("Console commands"));
        for (ConsoleCommand c : ConsoleCommands.TABLE) {
            for (String name : c.names()) {
                // a whole word: /ban is not found in /bans
                assertThat(footer).containsPattern("[\\s(]" + Pattern.quote(name) + "[,.)\\s]");
            }
        }
    }

    @Test
    void tooFewWordsAnswerTheUsageAndTheUsageSaysHowMany() {
        for (ConsoleCommand c : ConsoleCommands.TABLE) {
            assertThat(c.minWords()).as(c.usage()).isEqualTo(UsageNotation.requiredWords(c.usage()));
            if (c.minWords() > 0) assertThat(server.admin.execute(c.verb())).isEqualTo("Usage: " + c.usage());
        }
        assertThat(relayed).isEmpty();
    }

    @Test
    void clusterWideVerbsArePublishedInsteadOfRunHere() {
        FakeClient bob = server.connect().sendRegistration("bob");
        for (ConsoleCommand c : ConsoleCommands.TABLE) {
            if (c.scope() != ConsoleCommand.Scope.CLUSTER) continue;
            relayed.clear();
            assertThat(server.admin.execute(sample(c))).as(sample(c)).isEmpty();
            assertThat(relayed).containsExactly(sample(c));
        }
        int waiting = server.onLoop(hub -> hub.gate().approvals().size());
        assertThat(waiting).isEqualTo(1); // /reject bob, /kick bob, /ban bob did not run here
        assertThat(bob.sync()).containsExactly(":chatroom NOTICE bob :Waiting for the admin to accept you...");
        assertThat(ConsoleCommands.TABLE.stream()
                        .filter(c -> c.scope() == ConsoleCommand.Scope.CLUSTER)
                        .map(ConsoleCommand::verb))
                .containsExactlyInAnyOrder(
                        "/accept",
                        "/reject",
                        "/kick",
                        "/ban",
                        "/unban",
                        "/mute",
                        "/unmute",
                        "/say",
                        "/invite",
                        "/op",
                        "/deop",
                        "/voice",
                        "/devoice",
                        "/drop",
                        "/allow",
                        "/deny",
                        "/unlink");
    }

    @Test
    void reportsSecretsAndThisProcessStayOnThisNode() {
        for (String line : List.of(
                "/pending",
                "/users",
                "/bans",
                "/accounts",
                "/allowlist",
                "/certs bob",
                "/resetpass bob",
                "/stats",
                "/reload",
                "/help",
                "/topic",
                "/topic #chatroom",
                "/mode",
                "/mode #chatroom")) {
            assertThat(server.admin.execute(line)).as(line).isNotEmpty();
        }
        assertThat(relayed).isEmpty();
        assertThat(ConsoleCommands.TABLE.stream()
                        .filter(c -> c.scope() == ConsoleCommand.Scope.NODE)
                        .map(ConsoleCommand::verb))
                .containsExactlyInAnyOrder(
                        "/pending",
                        "/users",
                        "/bans",
                        "/accounts",
                        "/resetpass",
                        "/certs",
                        "/allowlist",
                        "/purge",
                        "/redact",
                        "/reload",
                        "/stats",
                        "/detach",
                        "/shutdown",
                        "/help");
    }

    @Test
    void topicAndModeArePublishedOnlyWhenTheySetSomething() {
        for (String line : List.of(
                "/topic release on Friday", "/topic #chatroom release", "/mode +m", "/mode #chatroom +k secret")) {
            assertThat(server.admin.execute(line)).as(line).isEmpty();
        }
        assertThat(relayed)
                .containsExactly(
                        "/topic release on Friday",
                        "/topic #chatroom release",
                        "/mode +m",
                        "/mode #chatroom +k secret");
        assertThat(server.admin.execute("/topic"))
                .isEqualTo("No topic is set in #chatroom. Usage: /topic [#room] <text>");
    }

    @Test
    void answersToTheOldestRequestArePublishedNamingIt() {
        assertThat(server.admin.execute("y")).isEqualTo("No one is waiting.");
        assertThat(relayed).isEmpty();
        FakeClient carol = server.connect().sendRegistration("carol");
        server.connect().sendRegistration("dave");
        for (String answer : List.of("y", "yes", "n", "no", "a", "always"))
            assertThat(server.admin.execute(answer)).isEmpty();
        assertThat(relayed)
                .containsExactly(
                        "/accept carol",
                        "/accept carol",
                        "/reject carol",
                        "/reject carol",
                        "/accept carol always",
                        "/accept carol always");
        assertThat(carol.sync()).containsExactly(":chatroom NOTICE carol :Waiting for the admin to accept you...");
    }
}

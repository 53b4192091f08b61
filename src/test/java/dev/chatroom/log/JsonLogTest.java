package dev.chatroom.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatroom.config.ServerConfig;
import dev.chatroom.launch.ChatServer;
import dev.chatroom.testing.Await;
import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/** log-format json: what a real server on 127.0.0.1 writes while real clients come, talk, fail and go. */
class JsonLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    @Test
    void everyEventIsAJsonObjectWithItsFactsAndNoMessageText() throws Exception {
        try (ChatServer server = start(TestServer.config())) {
            try (IrcTestClient alice = new IrcTestClient(server.port());
                    IrcTestClient mallory = new IrcTestClient(server.port())) {
                alice.register("alice");
                JsonNode arrived = expect("arrived");
                assertThat(arrived.get("level").asText()).isEqualTo("info");
                assertThat(arrived.get("nick").asText()).isEqualTo("alice");
                assertThat(arrived.get("address").asText()).isEqualTo("127.0.0.1");
                assertThat(arrived.get("msg").asText()).isEqualTo("* alice entered the chatroom.");
                assertThat(arrived.has("account")).as("no account: no field").isFalse();

                alice.send("REGISTER * * correct-horse");
                alice.expect("REGISTER SUCCESS");
                JsonNode login = expect("logged_in");
                assertThat(login.get("account").asText()).isEqualTo("alice");
                assertThat(login.get("new_account").asBoolean()).isTrue();

                alice.send("PRIVMSG #chatroom :the secret plan");
                alice.send("NICK alicia");
                JsonNode renamed = expect("nick_changed");
                assertThat(renamed.get("nick").asText()).isEqualTo("alicia");
                assertThat(renamed.get("old_nick").asText()).isEqualTo("alice");
                assertThat(renamed.get("account").asText()).isEqualTo("alice");

                mallory.send("CAP REQ :sasl");
                mallory.sendRegistration("mallory");
                mallory.send("AUTHENTICATE PLAIN");
                mallory.expect("AUTHENTICATE \\+");
                mallory.send("AUTHENTICATE " + plain("alice", "wrong guess"));
                JsonNode failed = expect("login_failed");
                assertThat(failed.get("level").asText()).isEqualTo("warn");
                assertThat(failed.get("account").asText()).isEqualTo("alice");
                assertThat(failed.get("address").asText()).isEqualTo("127.0.0.1");
                assertThat(failed.get("reason").asText()).isEqualTo("wrong_password");
                assertThat(failed.get("failures_to_account").asInt()).isEqualTo(1);

                alice.send("QUIT :off to \"bed\"\u001b[2J");
                JsonNode left = expect("left");
                assertThat(left.get("nick").asText()).isEqualTo("alicia");
                assertThat(left.get("reason").asText()).isEqualTo("quit");
                assertThat(left.get("detail").asText()).isEqualTo("off to \"bed\"\u001b[2J");
            }
        }
        lines.drainTo(seen);
        assertThat(seen).allSatisfy(JsonLogTest::parse);
        assertThat(seen).noneMatch(l -> l.contains("secret plan"));
        assertThat(seen).noneMatch(l -> l.contains("\"event\":\"message\""));
    }

    @Test
    void withLogMessagesAMessageIsAnEventWithItsText() throws Exception {
        try (ChatServer server = start(TestServer.config(b -> b.logMessages(true)))) {
            try (IrcTestClient alice = new IrcTestClient(server.port())) {
                alice.register("alice");
                alice.send("PRIVMSG #chatroom :the \"secret\" plan");
                JsonNode m = expect("message");
                assertThat(m.get("nick").asText()).isEqualTo("alice");
                assertThat(m.get("target").asText()).isEqualTo("#chatroom");
                assertThat(m.get("text").asText()).isEqualTo("the \"secret\" plan");
            }
        }
    }

    /** A server whose events go, as JSON lines, to {@link #lines}. */
    private ChatServer start(ServerConfig config) throws Exception {
        return new ChatServer(config, new EventLines(LogFormat.JSON, InstantSource.system(), lines::add)).start();
    }

    /** The next event of that name; every line on the way must be a JSON event. */
    private JsonNode expect(String event) throws Exception {
        String line = Await.take(
                "a " + event + " event",
                IrcTestClient.TIMEOUT,
                lines,
                l -> parse(l).get("event").asText().equals(event),
                seen);
        return parse(line);
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            assertThat(n.has("time") && n.has("level") && n.has("event") && n.has("msg"))
                    .as(line)
                    .isTrue();
            return n;
        } catch (Exception e) {
            throw new AssertionError("not a JSON event: " + line, e);
        }
    }

    private static String plain(String account, String password) {
        return Base64.getEncoder().encodeToString(("\0" + account + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }
}

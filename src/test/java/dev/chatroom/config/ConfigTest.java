package dev.chatroom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.log.LogFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The one config record, its keys, the TOML file and the printed default file. */
class ConfigTest {
    private static ServerConfig read(String toml) throws ConfigFile.ConfigException {
        Settings b = ServerConfig.DEFAULTS.toSettings();
        ConfigFile.apply("chatroom.toml", toml, b);
        return b.build();
    }

    @Test
    void aFileSetsTypedValues() throws Exception {
        ServerConfig c = read("""
                # a comment
                port = 7000
                approve = "all"
                ping-interval = "90s"
                flood-rate = 0.5
                log-messages = true
                room = ""
                """);
        assertThat(c.port()).isEqualTo(7000);
        assertThat(c.approve()).isEqualTo(ApprovalPolicy.ALL);
        assertThat(c.pingInterval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.floodRate()).isEqualTo(0.5);
        assertThat(c.logMessages()).isTrue();
        assertThat(c.defaultRoom()).isNull();
        assertThat(c.host()).isEqualTo("0.0.0.0"); // untouched keys keep their defaults
    }

    @Test
    void anUnknownKeyNamesItsLine() {
        assertThatThrownBy(() -> read("port = 7000\n\nprot = 7001\n"))
                .hasMessage(
                        "chatroom.toml line 3: unknown key 'prot'; 'chatroom server --print-config' lists them all");
    }

    @Test
    void aBadValueNamesTheKeyAndLine() {
        assertThatThrownBy(() -> read("\nport = 70000\n"))
                .hasMessage("chatroom.toml line 2: port must be between 0 and 65535");
        assertThatThrownBy(() -> read("ping-timeout = \"soon\"\n"))
                .hasMessage(
                        "chatroom.toml line 1: ping-timeout must be a duration such as 90s, 500ms, 5m or 1h, not 'soon'");
        assertThatThrownBy(() -> read("approve = \"maybe\"\n"))
                .hasMessage("chatroom.toml line 1: approve must be ask or all or accounts, not 'maybe'");
        assertThatThrownBy(() -> read("log-messages = \"yes please\"\n"))
                .hasMessage("chatroom.toml line 1: log-messages must be true or false");
        assertThatThrownBy(() -> read("room = \"nohash\"\n"))
                .hasMessageStartingWith("chatroom.toml line 1: room must start with #");
        assertThatThrownBy(() -> read("port = [1, 2]\n"))
                .hasMessage("chatroom.toml line 1: port must be a single value");
        assertThatThrownBy(() -> read("redis = \"http://127.0.0.1:6379\"\n"))
                .hasMessage("chatroom.toml line 1: redis must look like redis://host:6379, or"
                        + " redis-sentinel://host:26379,host:26380#mymaster for Sentinel");
        assertThatThrownBy(() -> read("redis = \"redis-sentinel://127.0.0.1:26379\"\n"))
                .hasMessageStartingWith("chatroom.toml line 1: redis must look like"); // which primary: #name
        assertThatThrownBy(() -> read("node-name = \"n 1\"\n"))
                .hasMessage("chatroom.toml line 1: node-name must be 1-32 letters, digits or '-', like n1");
    }

    @Test
    void logsAreTextUnlessJsonIsAsked() throws Exception {
        assertThat(read("port = 7000\n").logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(read("log-format = \"json\"\n").logFormat()).isEqualTo(LogFormat.JSON);
        assertThatThrownBy(() -> read("log-format = \"xml\"\n"))
                .hasMessage("chatroom.toml line 1: log-format must be text or json, not 'xml'");
    }

    @Test
    void metricsAreOffUntilAnAddressIsGiven() throws Exception {
        assertThat(read("port = 7000\n").metrics()).isNull();
        ServerConfig c = read("metrics = \"[::1]:9177\"\n");
        assertThat(c.metrics()).isEqualTo(new HostPort("::1", 9177));
        assertThat(c.metrics()).hasToString("[::1]:9177");
        assertThat(read("metrics = \"localhost:0\"\n").metrics()).isEqualTo(new HostPort("localhost", 0));
        assertThat(read("metrics = \"off\"\n").metrics()).isNull();
        assertThatThrownBy(() -> read("metrics = \"9177\"\n"))
                .hasMessage(
                        "chatroom.toml line 1: metrics must be HOST:PORT such as 127.0.0.1:9177 or [::1]:9177, not '9177'");
        assertThatThrownBy(() -> read("metrics = \"::1:9177\"\n")).hasMessageContaining("metrics must be HOST:PORT");
        assertThatThrownBy(() -> read("metrics = \"127.0.0.1:70000\"\n"))
                .hasMessage("chatroom.toml line 1: metrics must have a port between 0 and 65535, not 70000");
    }

    @Test
    void aClusterIsJoinedOnlyWhenRedisIsGiven() throws Exception {
        Assertions.assertThat(read("port = 7000\n").redis()).isNull();
        ServerConfig c = read("redis = \"redis://127.0.0.1:6379\"\nnode-name = \"n2\"\n");
        Assertions.assertThat(c.redis()).isEqualTo("redis://127.0.0.1:6379");
        Assertions.assertThat(c.nodeName()).isEqualTo("n2");
    }

    @Test
    void sentinelAddressesAreTakenAsLettuceReadsThem() throws Exception {
        for (String uri : List.of(
                "redis-sentinel://127.0.0.1:26379,127.0.0.1:26380,127.0.0.1:26381#mymaster",
                "redis-sentinel://:secret@s1.example.org:26379,s2.example.org/0#chat",
                "rediss-sentinel://chatroom:p%40ss@10.0.0.5:26379#mymaster"))
            Assertions.assertThat(read("redis = \"" + uri + "\"\n").redis()).isEqualTo(uri);
        Assertions.assertThat(read("redis-wait-replicas = 1\n").redisWaitReplicas())
                .isEqualTo(1);
        Assertions.assertThat(read("port = 7000\n").redisWaitReplicas()).isZero();
        assertThatThrownBy(() -> read("redis-wait-replicas = -1\n"))
                .hasMessageStartingWith("chatroom.toml line 1: redis-wait-replicas must be");
    }

    @Test
    void sectionsAndSyntaxErrorsAreRefusedClearly() {
        assertThatThrownBy(() -> read("[server]\nport = 1\n"))
                .hasMessageContaining("line 1: unknown key 'server' (sections are not used");
        assertThatThrownBy(() -> read("port = \n")).hasMessageStartingWith("chatroom.toml line 1: ");
    }

    @Test
    void thePrintedDefaultFileHasEveryKeyAndReadsBackAsTheDefaults() throws Exception {
        String file = DefaultConfigFile.text();
        for (ConfigKey k : ConfigKeys.all()) assertThat(file).contains(k.name() + " = ");
        assertThat(read(file)).isEqualTo(ServerConfig.DEFAULTS);
        assertThat(file)
                .contains(
                        "\nport = 6667\n",
                        "\napprove = \"ask\"\n",
                        "\nping-interval = \"1m\"\n",
                        "\n# password = \"\"\n");
    }

    @Test
    void withMakesACopyAndLeavesTheOriginal() {
        ServerConfig changed = ServerConfig.DEFAULTS.with(b -> b.port(1234));
        assertThat(changed.port()).isEqualTo(1234);
        assertThat(ServerConfig.DEFAULTS.port()).isEqualTo(6667);
    }

    @Test
    void aBuiltConfigIsAFrozenCopyOfItsBuilder() {
        Settings b = ServerConfig.DEFAULTS.toSettings().port(1234);
        ServerConfig built = b.build();
        b.port(4321).floodRate(0.5);
        assertThat(built.port()).isEqualTo(1234);
        assertThat(built.floodRate()).isEqualTo(2);
        assertThat(b.build().port()).isEqualTo(4321);
    }

    @Test
    void configsAreEqualWhenEverySettingIs() {
        ServerConfig a = ServerConfig.DEFAULTS.with(b -> b.port(1234).password("secret"));
        ServerConfig same =
                ServerConfig.DEFAULTS.toSettings().password("secret").port(1234).build();
        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(ServerConfig.DEFAULTS);
        assertThat(a).isNotEqualTo(same.with(b -> b.floodRate(2.5)));
        assertThat(a).isNotEqualTo(same.with(b -> b.logFile(Path.of("chatroom.log"))));
        assertThat(a.toString()).contains("port=1234", "password=secret");
    }
}

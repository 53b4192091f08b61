package dev.chatroom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatroom.testing.Opers;
import org.junit.jupiter.api.Test;

/** The opers setting: NAME:HASH entries, a list in the config file, checked when read. */
class OpersSettingTest {
    private static final String HASH = Opers.HASH;

    private static ServerConfig read(String toml) throws ConfigFile.ConfigException {
        Settings b = ServerConfig.DEFAULTS.toSettings();
        ConfigFile.apply("chatroom.toml", toml, b);
        return b.build();
    }

    @Test
    void aListOfEntriesOrOneTextWithSemicolonsGivesTheOperatorsInOrder() throws Exception {
        ServerConfig listed = read("opers = [\"oscar:" + HASH + "\", \"Alice:" + HASH + "\"]\n");
        assertThat(listed.opers()).containsExactly(Opers.entry("oscar"), Opers.entry("Alice"));
        ServerConfig joined = read("opers = \"oscar:" + HASH + "; Alice:" + HASH + "\"\n");
        assertThat(joined.opers()).isEqualTo(listed.opers());
        assertThat(ServerConfig.DEFAULTS.opers()).isEmpty();
    }

    @Test
    void anEntryThatIsNotANameAndAHashIsRefusedWithItsNumber() {
        String expected = "chatroom.toml line 1: opers entry 2 must be NAME:HASH, the HASH printed by 'chatroom admin"
                + " hash-password' ($argon2id$...), entries separated by ';'";
        assertThatThrownBy(() -> read("opers = [\"oscar:" + HASH + "\", \"alice\"]\n"))
                .hasMessage(expected);
        assertThatThrownBy(() -> read("opers = [\"oscar:" + HASH + "\", \"alice:operpassword\"]\n"))
                .hasMessage(expected);
        assertThatThrownBy(() -> read("opers = [\"oscar:" + HASH + "\", \"no body:" + HASH + "\"]\n"))
                .hasMessage(expected);
        assertThatThrownBy(() -> read("opers = [\"oscar:" + HASH + "\", \"OSCAR:" + HASH + "\"]\n"))
                .hasMessage("chatroom.toml line 1: opers names the operator OSCAR twice");
        assertThatThrownBy(() -> read("opers = [1, 2]\n"))
                .hasMessage("chatroom.toml line 1: opers must be a list of strings");
    }

    @Test
    void thePrintedConfigShowsTheFormInAComment() {
        assertThat(DefaultConfigFile.text()).contains("\n# opers = [\"NAME:HASH\"]\n");
    }
}

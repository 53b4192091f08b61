package dev.chatroom.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another user of this machine (nobody, uid 65534), trying to connect where the server listens:
 * with root, setpriv and perl only; a test without them checks file modes alone.
 */
final class OtherUser {
    private OtherUser() {}

    static boolean possible() {
        if (!"root".equals(System.getProperty("user.name"))) return false;
        return Tmux.available("setpriv") && Tmux.available("perl");
    }

    /** Whether nobody can open a connection (kind INET or UNIX) to the address. */
    static boolean connects(String kind, String address) throws Exception {
        return connects(kind, address, null);
    }

    /** The same, as a member of the group with this id too (null: of none). */
    static boolean connects(String kind, String address, Integer group) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534"));
        cmd.add(group == null ? "--clear-groups" : "--groups=" + group);
        cmd.addAll(List.of(
                "perl",
                "-MIO::Socket::" + kind,
                "-e",
                "IO::Socket::" + kind + "->new(Peer => $ARGV[0]) or do { print \"$!\\n\"; exit 13 }; exit 0",
                address));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        if (p.exitValue() == 13) {
            assertThat(said).contains("Permission denied");
            return false;
        }
        assertThat(p.exitValue()).as(said).isZero();
        return true;
    }
}

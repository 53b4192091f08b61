package dev.chatroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text form records take in Redis and on the cluster bus. */
class FieldsTest {
    @Test
    void theEncodingIsUnambiguous() {
        List<String> awkward = Arrays.asList(
                "", null, "\\0", "\\", "\t", "tab\there\nnew\rline \\ \\0 \\t ✓ 🎉 e\u0301", "a\\0b", "🎉");
        assertThat(Fields.split(Fields.join(awkward))).isEqualTo(awkward);
        assertThat(Fields.unlist(Fields.list(List.of()))).isEmpty();
        assertThat(Fields.unlist(Fields.list(List.of("")))).containsExactly("");
        assertThat(Fields.unlist(Fields.list(null))).isNull();
        assertThatThrownBy(() -> Fields.split("x\\0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fields.split("\\q")).isInstanceOf(IllegalArgumentException.class);
    }
}

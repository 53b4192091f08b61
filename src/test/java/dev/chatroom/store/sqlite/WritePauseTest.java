package dev.chatroom.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** The pause's states, on time the test moves: said once when it starts and once when it ends, tried again each second. */
class WritePauseTest {
    private long now = 5_000_000_000L;
    private final WritePause pause = new WritePause(() -> now);

    @Test
    void aFailureStartsAPauseOnceAndASuccessEndsItOnce() {
        assertThat(pause.mayTry()).isTrue();
        assertThat(pause.reason()).isNull();

        assertThat(pause.failed("no space left on device")).isTrue();
        assertThat(pause.reason()).isEqualTo("no space left on device");
        assertThat(pause.failed("no space left on device")).isFalse(); // a retry that fails again: already said
        assertThat(pause.failures()).isEqualTo(2);

        assertThat(pause.succeeded()).isTrue();
        assertThat(pause.reason()).isNull();
        assertThat(pause.succeeded()).isFalse(); // writing as usual: nothing to say
        assertThat(pause.failures()).isZero();
    }

    @Test
    void whilePausedAWriteIsTriedAgainOnlyOnceTheRetryIsDue() {
        pause.failed("no space left on device");
        assertThat(pause.mayTry()).isFalse();
        assertThat(pause.nanosUntilTry()).isEqualTo(WritePause.RETRY_NANOS);

        now += TimeUnit.MILLISECONDS.toNanos(999);
        assertThat(pause.mayTry()).isFalse();
        assertThat(pause.nanosUntilTry()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(1));

        now += TimeUnit.MILLISECONDS.toNanos(1);
        assertThat(pause.mayTry()).isTrue();
        assertThat(pause.nanosUntilTry()).isZero();

        pause.failed("no space left on device"); // the retry failed: the next one a second later
        assertThat(pause.mayTry()).isFalse();
        pause.tryNow(); // closing: one last try at once
        assertThat(pause.mayTry()).isTrue();
    }

    @Test
    void failuresThatPassPauseAndABatchsOwnDoesNot() {
        assertThat(WritePause.passingReason(error(SQLiteErrorCode.SQLITE_FULL))).isEqualTo("no space left on device");
        assertThat(WritePause.passingReason(error(SQLiteErrorCode.SQLITE_IOERR_WRITE)))
                .isEqualTo("cannot write to the disk (I/O error)");
        assertThat(WritePause.passingReason(error(SQLiteErrorCode.SQLITE_READONLY)))
                .isEqualTo("the database is read-only");
        assertThat(WritePause.passingReason(error(SQLiteErrorCode.SQLITE_BUSY))).isEqualTo("the database is locked");
        assertThat(WritePause.passingReason(error(SQLiteErrorCode.SQLITE_CONSTRAINT_TRIGGER)))
                .isNull();
        assertThat(WritePause.passingReason(error(SQLiteErrorCode.SQLITE_ERROR)))
                .isNull();
        assertThat(WritePause.passingReason(new SQLException("not from SQLite")))
                .isNull();
    }

    private static SQLException error(SQLiteErrorCode code) {
        return new SQLiteException(code.message, code);
    }
}

/**
 * Fuzz tests (Jazzer, through its JUnit 5 integration) of what a client can send the server.
 *
 * <h2>The regression corpus</h2>
 *
 * {@link dev.chatroom.fuzz.DispatcherFuzzTest#clientBytes} replays, as one JUnit test per file,
 * every file in {@code src/test/resources/dev/chatroom/fuzz/DispatcherFuzzTestInputs/clientBytes/}
 * (Jazzer's convention: {@code <TestClass>Inputs/<method>/} next to the class on the test class
 * path; files directly in {@code DispatcherFuzzTestInputs/} would apply to every fuzz test of the
 * class), plus an empty input. Each file is one raw input: the bytes a client sends (see
 * {@link dev.chatroom.fuzz.FuzzInput} for the optional header that cuts them into several reads).
 * This runs in every {@code mvn -B test} and {@code mvn -B verify}, in a few seconds, and never
 * fuzzes unless {@code JAZZER_FUZZ} is set. To add a case by hand, drop a file in that directory.
 *
 * <h2>Fuzzing</h2>
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B test -Dtest=DispatcherFuzzTest \
 *     -Djazzer.keep_going=100 \
 *     -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time=3600
 * </pre>
 *
 * replays the corpus first (as above), then fuzzes with coverage guidance for an hour
 * ({@code -max_total_time} in seconds; without the two {@code jazzer.internal.arg} settings the
 * run lasts the annotation's {@code maxDuration}, 2 minutes). Jazzer 0.24 has no documented
 * duration flag for JUnit runs: {@code jazzer.internal.arg.N} are libFuzzer's arguments, number 0
 * is a placeholder for the program name, and they come after the annotation's
 * {@code -max_total_time}, so theirs wins. {@code jazzer.keep_going=N} goes on past up to N
 * distinct findings instead of stopping at the first, so one known bug does not end the run.
 *
 * <p>Every failing input is written into the corpus directory above as {@code crash-<sha1>}, so
 * the next {@code mvn -B test} replays it; commit it with the fix. Inputs that only found new
 * coverage go to {@code .cifuzz-corpus/dev.chatroom.fuzz.DispatcherFuzzTest/clientBytes/} in the
 * project root, reused by the next fuzzing run and not meant to be committed. One run fuzzes one
 * method: keep {@code -Dtest} to this class.
 */
package dev.chatroom.fuzz;

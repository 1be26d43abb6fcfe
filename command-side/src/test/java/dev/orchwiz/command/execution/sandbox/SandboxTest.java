package dev.orchwiz.command.execution.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orchwiz.api.execution.ExecutionError;
import dev.orchwiz.api.problem.ErrorKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@EnabledOnOs(OS.LINUX)
class SandboxTest {

    private static final Map<String, String> NODE_ENVIRONMENT = Map.of(
            "PATH", "/usr/bin:/bin",
            "DATABASE_URL", "postgres://secret",
            "ORCHWIZ_ENCRYPTION_KEY", "k",
            "AWS_SECRET_ACCESS_KEY", "x");
    // Short, so that the escalation to SIGKILL costs the suite half a second rather than two.
    private static final Duration TEST_GRACE = Duration.ofMillis(500);
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    private Path root;
    private Path outside;

    @BeforeEach
    void createWorkspaceAndANeighbour() throws IOException {
        root = Files.createDirectory(temp.resolve("workspace"));
        outside = Files.createDirectory(temp.resolve("outside"));
    }

    @Nested
    class Running {

        @Test
        void reportsCompletedWithTheOutputOfAScriptThatExitsWithZero() throws Exception {
            // given
            RecordingSink sink = new RecordingSink();

            // when
            RunResult result = finish(sandbox().start(SandboxRequest.of("echo hello; echo oops >&2"), sink));

            // then
            assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
            assertThat(result.exitCode()).isZero();
            assertThat(sink.text(OutputStream.STDOUT)).isEqualTo("hello\n");
            assertThat(sink.text(OutputStream.STDERR)).isEqualTo("oops\n");
            assertThat(result.stdoutBytes()).isEqualTo(6);
            assertThat(result.stderrBytes()).isEqualTo(5);
            assertThat(result.truncated()).isFalse();
            assertThat(result.duration()).isPositive();
        }

        @Test
        void reportsFailedWithTheExitCodeOfAScriptThatExitsWithNonZero() throws Exception {
            // given
            RecordingSink sink = new RecordingSink();

            // when
            RunResult result = finish(sandbox().start(SandboxRequest.of("echo before; exit 3"), sink));

            // then
            assertThat(result.outcome()).isEqualTo(RunOutcome.FAILED);
            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(sink.text(OutputStream.STDOUT)).isEqualTo("before\n");
        }

        @Test
        void passesTheScriptToTheShellAsOneArgumentUntouched() throws Exception {
            // given
            String script = "printf '%s|' \"a b\" 'c\"d' \"$((1 + 2))\" '$HOME'";
            RecordingSink sink = new RecordingSink();

            // when
            finish(sandbox().start(SandboxRequest.of(script), sink));

            // then
            assertThat(sink.text(OutputStream.STDOUT)).isEqualTo("a b|c\"d|3|$HOME|");
        }

        @Test
        void ignoresCancelAfterTheRunCompleted() throws Exception {
            // given
            SandboxRun run = sandbox().start(SandboxRequest.of("echo done"), new RecordingSink());
            finish(run);

            // when
            run.cancel();
            run.cancel();

            // then
            assertThat(finish(run).outcome()).isEqualTo(RunOutcome.COMPLETED);
        }
    }

    @Nested
    class KillingTheTree {

        // Each process to watch runs as "exec -a <marker>-<name> sleep 300": found in the host's process table by that
        // argv[0], because a pid the script sees is its PID namespace's own when jailed.
        private final String marker = "orchwiz-test-" + UUID.randomUUID();

        @Test
        void timeoutKillsBackgroundNohupOrphanedGrandchildrenAndOnesThatLeftTheGroup() throws Exception {
            // given a background job, a nohup'd and disowned one, an orphan whose subshell already exited (only its
            // process group still ties it to the run), one that left the group (only its parent ties it) and a
            // double-forked daemon in a session of its own (nothing ties it to the run but the jail, so unconfined
            // runs,
            // which cannot stop it, do not start it)
            boolean jailed = isolation() == Isolation.BWRAP;
            String script = String.join(
                    "\n",
                    "(" + sleeper("background") + ") &",
                    "nohup bash -c '" + sleeper("nohup") + "' > /dev/null 2>&1 &",
                    "disown",
                    "( (" + sleeper("orphan") + ") > /dev/null 2>&1 & )",
                    "setsid bash -c '" + sleeper("session") + "' &",
                    jailed ? daemon("daemon") : ":",
                    "wait");
            SandboxRequest request = new SandboxRequest(script, null, Map.of(), null, Duration.ofSeconds(1));

            // when
            RunResult result = finish(sandbox().start(request, new RecordingSink()));

            // then
            assertThat(result.outcome()).isEqualTo(RunOutcome.TIMED_OUT);
            assertThat(result.exitCode()).isNull();
            assertThat(result.duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertNothingRuns("background", "nohup", "orphan", "session");
            assertNothingRuns("daemon");
        }

        @Test
        void timeoutEscalatesToSigkillForAShellAndGrandchildThatIgnoreSigterm() throws Exception {
            // given a default timeout of one second, and a shell and grandchild that ignore SIGTERM (inherited)
            SandboxSettings settings = settingsWithDefaultTimeout(Duration.ofSeconds(1));
            String script = "trap '' TERM; (" + sleeper("stubborn") + ") & echo started; wait; wait";
            RecordingSink sink = new RecordingSink();

            // when
            RunResult result = finish(sandbox(settings).start(SandboxRequest.of(script), sink));

            // then
            assertThat(sink.text(OutputStream.STDOUT)).isEqualTo("started\n");
            assertThat(result.outcome()).isEqualTo(RunOutcome.TIMED_OUT);
            assertThat(result.duration())
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1).plus(TEST_GRACE));
            assertNothingRuns("stubborn");
        }

        @Test
        void cancelKillsTheWholeTreeAndReportsCancelled() throws Exception {
            // given
            String script = String.join(
                    "\n",
                    "(" + sleeper("background") + ") &",
                    "nohup bash -c '" + sleeper("nohup") + "' > /dev/null 2>&1 &",
                    "disown",
                    "echo started",
                    "wait");
            RecordingSink sink = new RecordingSink();
            SandboxRun run = sandbox().start(SandboxRequest.of(script), sink);
            await().atMost(PATIENCE).until(() -> sink.text(OutputStream.STDOUT).equals("started\n"));
            await().atMost(PATIENCE).until(() -> running("background") && running("nohup"));

            // when
            run.cancel();
            run.cancel();

            // then
            RunResult result = finish(run);
            assertThat(result.outcome()).isEqualTo(RunOutcome.CANCELLED);
            assertThat(result.exitCode()).isNull();
            assertThat(result.duration()).isLessThan(Duration.ofSeconds(10));
            assertTreeIsGone(run.pid());
            assertNothingRuns("background", "nohup");
        }

        @Test
        void cancelRightAfterStartStillStopsTheRun() throws Exception {
            // given
            SandboxRun run = sandbox().start(SandboxRequest.of("sleep 300"), new RecordingSink());

            // when
            run.cancel();

            // then
            assertThat(finish(run).outcome()).isEqualTo(RunOutcome.CANCELLED);
            assertTreeIsGone(run.pid());
        }

        @Test
        void stopsWhatAScriptLeftRunningWhenItExits() throws Exception {
            // given a background job that keeps the output pipe open after the shell exits
            String script = "(" + sleeper("leftover") + ") & echo bye";

            // when
            RunResult result = finish(sandbox().start(SandboxRequest.of(script), new RecordingSink()));

            // then
            assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
            assertThat(result.duration()).isLessThan(Duration.ofSeconds(5));
            assertNothingRuns("leftover");
        }

        private String sleeper(String name) {
            return "exec -a " + marker + "-" + name + " sleep 300";
        }

        /** A double fork into a new session, output closed: the classic daemon, reparented away from the run. */
        private String daemon(String name) {
            return "( setsid bash -c '(" + sleeper(name) + ") > /dev/null 2>&1 < /dev/null &' > /dev/null 2>&1 & )";
        }

        private boolean running(String name) {
            return !TestJail.running(marker + "-" + name).isEmpty();
        }

        /** Right away nothing may still run: the result must not complete before the tree is gone. */
        private void assertNothingRuns(String... names) {
            for (String name : names) {
                assertThat(TestJail.running(marker + "-" + name)).as(name).isEmpty();
            }
        }
    }

    @Nested
    class Environment {

        @Test
        void passesOnlyAllowlistedNodeVariablesThenFixedThenExtraOnes() throws Exception {
            // given
            SandboxRequest request =
                    new SandboxRequest("env", null, Map.of("GREETING", "hello", "TZ", "UTC"), null, null);
            RecordingSink sink = new RecordingSink();

            // when
            finish(sandbox().start(request, sink));

            // then
            String output = sink.text(OutputStream.STDOUT);
            Map<String, String> environment = output.lines()
                    .map(line -> line.split("=", 2))
                    .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1], (first, second) -> second));
            assertThat(environment)
                    .containsEntry("PATH", Sandbox.DEFAULT_PATH)
                    .containsEntry("HOME", root.toString())
                    .containsEntry("GREETING", "hello")
                    .containsEntry("TZ", "UTC")
                    .doesNotContainKeys("DATABASE_URL", "ORCHWIZ_ENCRYPTION_KEY", "AWS_SECRET_ACCESS_KEY");
            assertThat(output).doesNotContain("postgres://secret");
            // Nothing of the test JVM's own environment either: only what bash sets for itself is added.
            assertThat(environment.keySet())
                    .isSubsetOf("PATH", "HOME", "GREETING", "TZ", "PWD", "OLDPWD", "SHLVL", "_");
        }

        @ParameterizedTest
        @ValueSource(strings = {"lower", "Mixed", "A-B", "1ST", "BASH_FUNC_ls%%", "A B", ""})
        void refusesExtraEnvironmentNamesThatAreNotPlainUpperCase(String name) {
            // given
            Map<String, String> extra = Map.of(name, "value");

            // when / then
            assertThatThrownBy(() -> new SandboxRequest("env", null, extra, null, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("environment name");
        }
    }

    @Nested
    class WorkingDirectory {

        @BeforeEach
        void createTheLandscape() throws IOException {
            Files.createDirectories(root.resolve("sub"));
            Files.writeString(root.resolve("file.txt"), "not a directory");
            Files.createDirectories(outside.resolve("deep"));
            Files.createDirectories(temp.resolve("workspace-evil"));
            Files.createSymbolicLink(root.resolve("escape-link"), outside);
            Files.createSymbolicLink(root.resolve("deep-link"), outside.resolve("deep"));
            Files.createSymbolicLink(root.resolve("inner-link"), root.resolve("sub"));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "..",
                    "../..",
                    "sub/../../x",
                    "sub/../../outside",
                    "<outside>",
                    "<root>-evil",
                    "/",
                    "escape-link",
                    "escape-link/deep",
                    "deep-link/..",
                    "escape-link/../sub",
                    "missing",
                    "sub/missing",
                    "file.txt"
                })
        void refusesDirectoriesThatEscapeTheWorkspaceOrAreNoDirectory(String requested) {
            // given
            String path = requested.replace("<outside>", outside.toString()).replace("<root>", root.toString());

            // when / then
            assertThatThrownBy(() -> sandbox().resolveWorkingDirectory(path))
                    .isInstanceOf(WorkingDirectoryRefused.class)
                    .hasMessageStartingWith("Working directory '" + path + "' ")
                    .satisfies(refusal -> assertThat(((WorkingDirectoryRefused) refusal).errorCode())
                            .isEqualTo(ExecutionError.WORKING_DIRECTORY_REFUSED));
        }

        @ParameterizedTest
        @ValueSource(strings = {"sub", "sub/", "./sub/../sub", "<root>/sub", "inner-link"})
        void acceptsRealSubdirectoriesAndSymlinksThatStayInside(String requested) throws IOException {
            // given
            String path = requested.replace("<root>", root.toString());

            // when
            Path resolved = sandbox().resolveWorkingDirectory(path);

            // then
            assertThat(resolved).isEqualTo(root.toRealPath().resolve("sub"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  ", "."})
        void usesTheWorkspaceRootWhenNoDirectoryIsGiven(String requested) throws IOException {
            // when
            Path resolved = sandbox().resolveWorkingDirectory(requested);

            // then
            assertThat(resolved).isEqualTo(root.toRealPath());
        }

        @Test
        void runsTheScriptInsideTheResolvedDirectory() throws Exception {
            // given
            SandboxRequest request = new SandboxRequest("pwd -P", "inner-link", Map.of(), null, null);
            RecordingSink sink = new RecordingSink();

            // when
            finish(sandbox().start(request, sink));

            // then
            Path workingDirectory = Path.of(sink.text(OutputStream.STDOUT).strip());
            assertThat(workingDirectory).isEqualTo(root.toRealPath().resolve("sub"));
            assertThat(workingDirectory).startsWith(root.toRealPath());
        }

        @Test
        void refusesToStartInADirectoryOutsideTheWorkspace() {
            // given
            SandboxRequest request = new SandboxRequest("touch escaped", "escape-link", Map.of(), null, null);

            // when / then
            assertThatThrownBy(() -> sandbox().start(request, new RecordingSink()))
                    .isInstanceOf(WorkingDirectoryRefused.class);
            assertThat(outside.resolve("escaped")).doesNotExist();
        }
    }

    @Nested
    class Output {

        @Test
        void capsOutputButKeepsDrainingSoTheChildIsNeverBlocked() throws Exception {
            // given
            int cap = 64 * 1024;
            SandboxSettings settings = settings(cap, 8 * 1024, Duration.ofMillis(250));
            String script = "head -c 5000000 /dev/zero | tr '\\0' a";
            RecordingSink sink = new RecordingSink();

            // when
            RunResult result = sandbox(settings)
                    .start(SandboxRequest.of(script), sink)
                    .result()
                    .get(10, TimeUnit.SECONDS);

            // then
            assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
            assertThat(result.truncated()).isTrue();
            assertThat(result.stdoutBytes()).isEqualTo(5_000_000);
            assertThat(sink.keptBytes()).isEqualTo(cap);
            assertThat(sink.truncations()).containsExactly((long) cap);
            assertThat(sink.text(OutputStream.STDOUT)).matches("a+");
        }

        @Test
        void countsStdoutAndStderrAgainstOneCap() throws Exception {
            // given 6,000 bytes on each stream, interleaved line by line: each alone fits a cap of 10,000, both do not
            int cap = 10_000;
            SandboxSettings settings = settings(cap, 512, Duration.ofMillis(250));
            String script = "for i in $(seq 60); do printf '%099d\\n' 1; printf '%099d\\n' 2 >&2; done";
            RecordingSink sink = new RecordingSink();

            // when
            RunResult result = finish(sandbox(settings).start(SandboxRequest.of(script), sink));

            // then
            assertThat(result.stdoutBytes()).isEqualTo(6_000);
            assertThat(result.stderrBytes()).isEqualTo(6_000);
            assertThat(result.truncated()).isTrue();
            assertThat(sink.truncations()).hasSize(1);
            assertThat(sink.keptBytes()).isEqualTo(sink.truncations().get(0)).isLessThanOrEqualTo(cap);
            assertThat(sink.sequences()).isEqualTo(range(sink.chunks().size()));
            assertThat(sink.overlapped()).isFalse();
        }

        @Test
        void keepsMultiByteCharactersWholeAcrossChunkBoundaries() throws Exception {
            // given chunks of 7 bytes, and 2- and 4-byte characters that cannot all fit them
            SandboxSettings settings = settings(1024 * 1024, 7, Duration.ofSeconds(5));
            String script = "for i in $(seq 500); do printf 'é😀a'; printf '😀é' >&2; done";
            RecordingSink sink = new RecordingSink();

            // when
            RunResult result = finish(sandbox(settings).start(SandboxRequest.of(script), sink));

            // then
            assertThat(sink.text(OutputStream.STDOUT)).isEqualTo("é😀a".repeat(500));
            assertThat(sink.text(OutputStream.STDERR)).isEqualTo("😀é".repeat(500));
            assertThat(sink.texts())
                    .allSatisfy(text -> assertThat(text.getBytes(UTF_8).length).isBetween(1, 7))
                    .noneMatch(text -> text.contains("\uFFFD"));
            assertThat(sink.sequences()).isEqualTo(range(sink.chunks().size()));
            assertThat(result.stdoutBytes()).isEqualTo(500L * "é😀a".getBytes(UTF_8).length);
            assertThat(result.truncated()).isFalse();
            assertThat(sink.truncations()).isEmpty();
        }

        @Test
        void sendsBufferedOutputOnceTheChunkIntervalPassed() throws Exception {
            // given chunks far larger than the output, so only the interval can send the first part early
            SandboxSettings settings = settings(1024 * 1024, 8 * 1024, Duration.ofMillis(100));
            RecordingSink sink = new RecordingSink();

            // when
            finish(sandbox(settings).start(SandboxRequest.of("printf first; sleep 0.6; printf second"), sink));

            // then
            assertThat(sink.texts()).containsExactly("first", "second");
            assertThat(sink.sequences()).containsExactly(0, 1);
        }
    }

    @Nested
    class Input {

        @Test
        void writesTheGivenBytesToStdinAndThenCloses() throws Exception {
            // given
            byte[] input = "hello\nwörld\n".getBytes(UTF_8);
            SandboxRequest request = new SandboxRequest("cat", null, Map.of(), input, null);
            RecordingSink sink = new RecordingSink();

            // when
            RunResult result = finish(sandbox().start(request, sink));

            // then
            assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
            assertThat(sink.text(OutputStream.STDOUT)).isEqualTo("hello\nwörld\n");
        }

        @Test
        void closesStdinAtOnceWhenThereIsNoInput() throws Exception {
            // given a script that would wait forever for a line from a terminal
            String script = "if read -r line; then echo \"got $line\"; else echo eof; fi";
            SandboxRequest request = new SandboxRequest(script, null, Map.of(), null, Duration.ofSeconds(20));
            RecordingSink sink = new RecordingSink();

            // when
            RunResult result = sandbox().start(request, sink).result().get(5, TimeUnit.SECONDS);

            // then
            assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
            assertThat(sink.text(OutputStream.STDOUT)).isEqualTo("eof\n");
        }
    }

    @Nested
    class Refusals {

        @Test
        void refusesToStartWhenLocalExecutionIsDisabled() {
            // given
            Sandbox sandbox = new Sandbox(SandboxSettings.defaults(root, false), NODE_ENVIRONMENT);

            // when / then
            assertThatThrownBy(() -> sandbox.start(SandboxRequest.of("touch ran"), new RecordingSink()))
                    .isInstanceOf(LocalExecutionDisabled.class)
                    .satisfies(refusal -> {
                        LocalExecutionDisabled disabled = (LocalExecutionDisabled) refusal;
                        assertThat(disabled.errorCode().code()).isEqualTo("EXECUTION_LOCAL_EXECUTION_DISABLED");
                        assertThat(disabled.errorCode().kind()).isEqualTo(ErrorKind.FORBIDDEN);
                    });
            assertThat(root.resolve("ran")).doesNotExist();
        }

        @ParameterizedTest
        @ValueSource(strings = {"PT30M0.001S", "PT1H", "PT0S", "PT-1S"})
        void refusesTimeoutsAboveTheMaximumOrNotPositive(String timeout) {
            // given
            SandboxRequest request = new SandboxRequest("touch ran", null, Map.of(), null, Duration.parse(timeout));

            // when / then
            assertThatThrownBy(() -> sandbox().start(request, new RecordingSink()))
                    .isInstanceOf(TimeoutRefused.class)
                    .hasMessageContaining("at most 1800 s")
                    .satisfies(refusal -> assertThat(((TimeoutRefused) refusal).errorCode())
                            .isEqualTo(ExecutionError.TIMEOUT_REFUSED));
            assertThat(root.resolve("ran")).doesNotExist();
        }
    }

    /** The jail where it works (as on a node), unconfined otherwise; a subclass runs every test unconfined. */
    Isolation isolation() {
        return TestJail.isolation();
    }

    private Sandbox sandbox() {
        return sandbox(SandboxSettings.defaults(root, true).withIsolation(isolation()));
    }

    private Sandbox sandbox(SandboxSettings settings) {
        return new Sandbox(settings, NODE_ENVIRONMENT, TEST_GRACE, Bubblewrap.locate());
    }

    private SandboxSettings settings(int capBytes, int chunkBytes, Duration chunkInterval) {
        SandboxSettings defaults = SandboxSettings.defaults(root, true);
        return new SandboxSettings(
                true,
                root,
                defaults.environmentAllowlist(),
                defaults.fixedEnvironment(),
                defaults.defaultTimeout(),
                defaults.maxTimeout(),
                capBytes,
                chunkBytes,
                chunkInterval,
                defaults.shell(),
                isolation(),
                defaults.limits(),
                defaults.readOnlyPaths());
    }

    private SandboxSettings settingsWithDefaultTimeout(Duration defaultTimeout) {
        SandboxSettings defaults = SandboxSettings.defaults(root, true);
        return new SandboxSettings(
                true,
                root,
                defaults.environmentAllowlist(),
                defaults.fixedEnvironment(),
                defaultTimeout,
                defaults.maxTimeout(),
                defaults.outputCapBytes(),
                defaults.chunkBytes(),
                defaults.chunkInterval(),
                defaults.shell(),
                isolation(),
                defaults.limits(),
                defaults.readOnlyPaths());
    }

    private static RunResult finish(SandboxRun run) throws Exception {
        return run.result().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * The result must not complete before the tree is gone: right away nothing may still run (an unreaped zombie
     * runs nothing), and soon every process must be gone for Java too (once PID 1 reaped the orphans).
     */
    private static void assertTreeIsGone(long... pids) {
        assertThat(Arrays.stream(pids).filter(SandboxTest::running)).isEmpty();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(Arrays.stream(pids).filter(pid -> ProcessHandle.of(pid)
                                .map(ProcessHandle::isAlive)
                                .orElse(false)))
                        .isEmpty());
    }

    private static boolean running(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException gone) {
            return false;
        }
    }

    private static List<Integer> range(int size) {
        return IntStream.range(0, size).boxed().collect(Collectors.toList());
    }
}

package dev.orchwiz.command.execution.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The escapes a black-box probe found in the unconfined sandbox, each tried again from inside the bubblewrap jail with
 * real processes: every one must fail, and the workspace must still work.
 */
@EnabledOnOs(OS.LINUX)
class JailTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String SECRET = "postgres://orchwiz:" + UUID.randomUUID() + "@127.0.0.1/orchwiz";

    @TempDir
    Path temp;

    private Path workspace;
    private Path outside;
    private final List<Path> escapes = new ArrayList<>();

    @BeforeEach
    void requireTheJailAndCreateAWorkspaceWithANeighbour() throws IOException {
        TestJail.assumeWorking();
        workspace = Files.createDirectory(temp.resolve("workspace"));
        outside = Files.createDirectory(temp.resolve("outside"));
    }

    @Test
    void readsNeitherTheHostsPasswdNorItsShadow() throws Exception {
        // when
        Output output = run("cat /etc/passwd; cat /etc/shadow; ls /root /home");

        // then the passwd is the jail's own, naming only its user; shadow and homes are not there at all
        List<String> hostUsers = Files.readAllLines(Path.of("/etc/passwd")).stream()
                .filter(line -> !line.isBlank())
                .toList();
        assertThat(hostUsers).isNotEmpty();
        assertThat(output.stdout().lines()).doesNotContainAnyElementsOf(hostUsers);
        assertThat(output.stdout()).startsWith("sandbox:x:" + Bubblewrap.SANDBOX_ID + ":");
        assertThat(output.stdout()).doesNotContain("root:");
        assertThat(output.stderr())
                .contains("/etc/shadow: No such file")
                .contains("/root")
                .contains("/home");
    }

    @Test
    void aScriptInOneAreaCannotReadWhatAScriptInAnotherAreaLeft() throws Exception {
        // given session A's script leaves a file in its own area
        Sandbox sandbox = sandbox(settings(), Map.of());
        Output wrote = run(
                sandbox,
                new SandboxRequest("echo a-private > notes.txt; pwd", null, Map.of(), null, null, "sessions/a"));
        assertThat(wrote.result().exitCode()).isZero();
        Path areaA = workspace.resolve("sessions/a");
        assertThat(areaA.resolve("notes.txt")).hasContent("a-private");
        assertThat(wrote.stdout().strip()).isEqualTo(areaA.toRealPath().toString());

        // when session B's script looks for it every way it can name it
        Output read = run(
                sandbox,
                new SandboxRequest(
                        "cat ../a/notes.txt; cat " + areaA.resolve("notes.txt") + "; ls " + workspace + "/sessions; "
                                + "grep -rs a-private " + temp + " /tmp; echo b-ran",
                        null,
                        Map.of(),
                        null,
                        null,
                        "sessions/b"));

        // then it ran in its own area and found nothing of A's
        assertThat(read.stdout()).contains("b-ran").doesNotContain("a-private").doesNotContain("notes.txt");
        assertThat(workspace.resolve("sessions/b")).isDirectory();
    }

    @Test
    void anAreaIsPlainNamesInsideTheWorkspaceAndItsWorkingDirectoryStaysInside() throws Exception {
        assertThatThrownBy(() -> new SandboxRequest("true", null, Map.of(), null, null, "../outside"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SandboxRequest("true", null, Map.of(), null, null, "/tmp"))
                .isInstanceOf(IllegalArgumentException.class);
        Sandbox sandbox = sandbox(settings(), Map.of());
        Files.createDirectories(workspace.resolve("sessions/b"));

        assertThatThrownBy(() -> sandbox.start(
                        new SandboxRequest("true", "../b", Map.of(), null, null, "sessions/a"), new RecordingSink()))
                .isInstanceOf(WorkingDirectoryRefused.class);
    }

    @AfterEach
    void removeWhatAnEscapeWouldHaveLeft() throws IOException {
        // Only ever there when the jail failed (and the node runs as root); unique names, so nothing else is touched.
        for (Path escaped : escapes) {
            Files.deleteIfExists(escaped);
        }
    }

    @Test
    void writesOnlyIntoTheWorkspaceWhereTheHostSeesThem() throws Exception {
        // given
        String name = "orchwiz-escaped-" + UUID.randomUUID();
        escapes.addAll(
                List.of(Path.of("/tmp", name), Path.of("/usr", name), Path.of("/etc", name), Path.of("/", name)));
        String script = String.join(
                "\n",
                "echo kept > inside.txt",
                "mkdir -p sub && echo deeper > sub/file.txt",
                "echo escaped > " + outside.resolve("escaped.txt"),
                "echo escaped > $HOME/../escaped-sibling.txt",
                "echo escaped > /tmp/" + name,
                "touch /usr/" + name + " /etc/" + name + " /" + name,
                "echo done");

        // when
        Output output = run(script);

        // then
        assertThat(output.stdout()).isEqualTo("done\n");
        assertThat(Files.readString(workspace.resolve("inside.txt"))).isEqualTo("kept\n");
        assertThat(Files.readString(workspace.resolve("sub/file.txt"))).isEqualTo("deeper\n");
        assertThat(outside.resolve("escaped.txt")).doesNotExist();
        assertThat(temp.resolve("escaped-sibling.txt")).doesNotExist();
        assertThat(escapes).allSatisfy(escaped -> assertThat(escaped).doesNotExist());
        assertThat(output.stderr()).contains("Read-only file system");
        // Files written in the jail belong to the node's user on the host, not to some other uid.
        assertThat(Files.getOwner(workspace.resolve("inside.txt"))).isEqualTo(Files.getOwner(workspace));
    }

    @Test
    void seesNoProcessAndNoEnvironmentOfTheNodeNotEvenEncoded() throws Exception {
        // given the node's environment holds a secret and the JVM's own variables
        Map<String, String> node = new HashMap<>(System.getenv());
        node.put("DATABASE_URL", SECRET);

        // when every process's command line and environment that the jail can see is dumped, base64 so that no
        // redaction could ever hide a value
        String script = "for p in /proc/[0-9]*; do tr '\\0' ' ' < $p/cmdline; echo; done; echo ---;"
                + " cat /proc/*/environ | base64 -w0; echo";
        Output output = run(sandbox(settings(), node), SandboxRequest.of(script));

        // then
        String[] parts = output.stdout().split("---\n", -1);
        List<String> commandLines = parts[0].lines().toList();
        String environments = new String(Base64.getDecoder().decode(parts[1].strip()), UTF_8);
        assertThat(commandLines)
                .as("only the jail's own processes: its init, the shell and what it started")
                .hasSizeLessThanOrEqualTo(8)
                .noneMatch(line -> line.contains("java") || line.contains("surefire"));
        assertThat(environments).doesNotContain(SECRET);
        Set<String> names = Arrays.stream(environments.split("\0"))
                .filter(entry -> entry.contains("="))
                .map(entry -> entry.substring(0, entry.indexOf('=')))
                .collect(Collectors.toSet());
        // PWD, SHLVL and _ are what bash sets for the programs it starts.
        assertThat(names).isSubsetOf("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TERM", "PWD", "SHLVL", "_");
        for (Map.Entry<String, String> variable : System.getenv().entrySet()) {
            if (!names.contains(variable.getKey())) {
                assertThat(environments).doesNotContain(variable.getKey() + "=" + variable.getValue());
            }
        }
    }

    @Test
    void reachesNoServiceOnTheHostsLoopback() throws Exception {
        // given a service listening on the host's loopback, like the node's PostgreSQL
        try (ServerSocket service = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            service.setSoTimeout(500);
            String script = "for port in " + service.getLocalPort() + " 5432 80; do"
                    + " (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && echo \"reached $port\" || echo \"refused $port\";"
                    + " done";

            // when
            Output output = run(script);

            // then
            assertThat(output.stdout()).isEqualTo("refused " + service.getLocalPort() + "\nrefused 5432\nrefused 80\n");
            assertThatThrownBy(service::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void killsADoubleForkedSessionLeaderOnCancel() throws Exception {
        // given a daemon: double-forked into a session of its own, its output closed, reparented away from the run
        String marker = "orchwiz-daemon-" + UUID.randomUUID();
        String script = daemon(marker) + "; echo started; sleep 300";
        RecordingSink sink = new RecordingSink();
        SandboxRun run = sandbox(settings(), Map.of()).start(SandboxRequest.of(script), sink);
        await().atMost(PATIENCE).until(() -> !TestJail.running(marker).isEmpty());
        await().atMost(PATIENCE).until(() -> sink.text(OutputStream.STDOUT).equals("started\n"));

        // when
        run.cancel();

        // then
        assertThat(run.result().get(PATIENCE.toSeconds(), TimeUnit.SECONDS).outcome())
                .isEqualTo(RunOutcome.CANCELLED);
        assertThat(TestJail.running(marker)).isEmpty();
    }

    @Test
    void killsADoubleForkedSessionLeaderOnTimeout() throws Exception {
        // given
        String marker = "orchwiz-daemon-" + UUID.randomUUID();
        SandboxRequest request =
                new SandboxRequest(daemon(marker) + "; sleep 300", null, Map.of(), null, Duration.ofSeconds(2));
        SandboxRun run = sandbox(settings(), Map.of()).start(request, new RecordingSink());
        await().atMost(PATIENCE).until(() -> !TestJail.running(marker).isEmpty());

        // when
        RunResult result = run.result().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        // then
        assertThat(result.outcome()).isEqualTo(RunOutcome.TIMED_OUT);
        assertThat(TestJail.running(marker)).isEmpty();
    }

    @Test
    void killsADoubleForkedSessionLeaderWhenTheScriptExits() throws Exception {
        // given
        String marker = "orchwiz-daemon-" + UUID.randomUUID();

        // when
        RunResult result = run(sandbox(settings(), Map.of()), SandboxRequest.of(daemon(marker) + "; sleep 0.5"))
                .result();

        // then
        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        // The kernel tears the jail's processes down as the jail ends, not before the result: a killed daemon may
        // still be listed for a moment on a loaded machine. One that escaped would live on for its 300 s.
        await().atMost(Duration.ofSeconds(5))
                .until(() -> TestJail.running(marker).isEmpty());
    }

    @Test
    void stopsAWriteBeyondTheFileSizeLimit() throws Exception {
        // given
        SandboxSettings settings = settings(new ResourceLimits(Duration.ZERO, 1_000_000, 0, 0));

        // when
        Output output = run(sandbox(settings, Map.of()), SandboxRequest.of("head -c 5000000 /dev/zero > big"));

        // then
        assertThat(output.result().outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(Files.size(workspace.resolve("big"))).isEqualTo(1_000_000);
    }

    @Test
    void stopsAProcessBeyondTheCpuLimit() throws Exception {
        // given
        SandboxSettings settings = settings(new ResourceLimits(Duration.ofSeconds(1), 0, 0, 0));

        // when a busy loop would run for the whole (far longer) timeout
        Output output = run(
                sandbox(settings, Map.of()),
                new SandboxRequest("while :; do :; done", null, Map.of(), null, Duration.ofSeconds(60)));

        // then the kernel ended it: SIGXCPU at the soft limit (128 + 24) or SIGKILL at the hard one (128 + 9)
        assertThat(output.result().outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(output.result().exitCode()).isIn(152, 137);
        assertThat(output.result().duration()).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void keepsAPrivateTmpAndCommonToolsWork() throws Exception {
        // when
        Output output = run("echo scratch > /tmp/x && cat /tmp/x && awk 'BEGIN { print 6 * 7 }'"
                + " && id -un && hostname && printf '%s\\n' \"$HOME\" && pwd");

        // then
        assertThat(output.stdout())
                .isEqualTo(
                        "scratch\n42\nsandbox\norchwiz-sandbox\n" + workspace + "\n" + workspace.toRealPath() + "\n");
    }

    @Test
    void reportsWhyTheJailCannotRunAndNeverFallsBackToRunningUnconfined() throws Exception {
        // given a bwrap that fails like one without user namespaces, and a host without any
        Sandbox failing = new Sandbox(settings(), Map.of(), Duration.ofMillis(500), Optional.of(Path.of("/bin/false")));
        Sandbox missing = new Sandbox(settings(), Map.of(), Duration.ofMillis(500), Optional.empty());

        // when / then
        assertThat(sandbox(settings(), Map.of()).unusableBecause(PATIENCE)).isEmpty();
        assertThat(failing.unusableBecause(PATIENCE))
                .hasValueSatisfying(why -> assertThat(why).contains("exit code 1"));
        assertThat(missing.unusableBecause(PATIENCE))
                .hasValueSatisfying(
                        why -> assertThat(why).contains("not installed").contains("ORCHWIZ_SANDBOX=none"));
        assertThatThrownBy(() -> missing.start(SandboxRequest.of("touch ran"), new RecordingSink()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(workspace.resolve("ran")).doesNotExist();
    }

    /** A daemon: forked twice into a new session, its output closed, its argv[0] the marker. */
    private static String daemon(String marker) {
        return "( setsid bash -c '(exec -a " + marker + " sleep 300) > /dev/null 2>&1 < /dev/null &'"
                + " > /dev/null 2>&1 & )";
    }

    private SandboxSettings settings() {
        return SandboxSettings.defaults(workspace, true);
    }

    private SandboxSettings settings(ResourceLimits limits) {
        SandboxSettings defaults = settings();
        return new SandboxSettings(
                true,
                workspace,
                defaults.environmentAllowlist(),
                defaults.fixedEnvironment(),
                defaults.defaultTimeout(),
                defaults.maxTimeout(),
                defaults.outputCapBytes(),
                defaults.chunkBytes(),
                defaults.chunkInterval(),
                defaults.shell(),
                Isolation.BWRAP,
                limits,
                defaults.readOnlyPaths());
    }

    private static Sandbox sandbox(SandboxSettings settings, Map<String, String> nodeEnvironment) {
        return new Sandbox(settings, nodeEnvironment, Duration.ofMillis(500), Bubblewrap.locate());
    }

    private Output run(String script) throws Exception {
        return run(sandbox(settings(), Map.of()), SandboxRequest.of(script));
    }

    private static Output run(Sandbox sandbox, SandboxRequest request) throws Exception {
        RecordingSink sink = new RecordingSink();
        RunResult result = sandbox.start(request, sink).result().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        return new Output(result, sink.text(OutputStream.STDOUT), sink.text(OutputStream.STDERR));
    }

    private record Output(RunResult result, String stdout, String stderr) {}
}

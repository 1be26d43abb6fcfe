package dev.orchwiz.command.execution.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs scripts as local child processes, confined to what a tool call may see and use. With {@link Isolation#BWRAP}
 * (the default) each run is jailed by bubblewrap (see {@link Bubblewrap}): the workspace is the only host path it can
 * write, it sees no other process, no network and none of the node's files or secrets, and nothing it starts outlives
 * it. Both isolations add: a working directory inside the workspace, an environment built from an allowlist, no
 * terminal input, a timeout, an output cap, and a process tree that is killed as a whole.
 *
 * <p>With {@link Isolation#NONE} it confines but does not jail: a script runs with the node's user and can read and
 * write whatever that user can. Which scripts run at all is decided before, by the permission rules and approvals.
 */
public final class Sandbox {

    // Long enough for a well-behaved program to clean up after SIGTERM, short enough that cancel feels immediate.
    private static final Duration TERMINATION_GRACE = Duration.ofSeconds(2);
    // How long a probe may take beyond its timeout: the tree is killed, then the result completes.
    private static final Duration AFTER_TIMEOUT = Duration.ofSeconds(10);

    private static final Optional<String> SETSID = firstExecutable("/usr/bin/setsid", "/bin/setsid");
    private static final String KILL =
            firstExecutable("/usr/bin/kill", "/bin/kill").orElse("kill");

    /** PATH unless the allowlist passes the node's own: the standard directories, all of them mounted in the jail. */
    public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final SandboxSettings settings;
    private final Map<String, String> inheritedEnvironment;
    private final Duration terminationGrace;
    private final Optional<Bubblewrap> bubblewrap;

    /** @param nodeEnvironment {@code System.getenv()} in production; only the allowlisted names are kept */
    public Sandbox(SandboxSettings settings, Map<String, String> nodeEnvironment) {
        this(settings, nodeEnvironment, TERMINATION_GRACE, Bubblewrap.locate());
    }

    /** @param bubblewrapExecutable where {@code bwrap} is; empty when the host has none */
    Sandbox(
            SandboxSettings settings,
            Map<String, String> nodeEnvironment,
            Duration terminationGrace,
            Optional<Path> bubblewrapExecutable) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.terminationGrace = Objects.requireNonNull(terminationGrace, "terminationGrace");
        this.bubblewrap = settings.isolation() == Isolation.BWRAP
                ? bubblewrapExecutable.map(executable -> new Bubblewrap(executable, settings.workspaceRoot()))
                : Optional.empty();
        // Keep only what may be passed on: the node's secrets (database URL, keys) are not even held here.
        Map<String, String> inherited = new LinkedHashMap<>();
        for (String name : settings.environmentAllowlist()) {
            String value = nodeEnvironment.get(name);
            if (value != null) {
                inherited.put(name, value);
            }
        }
        this.inheritedEnvironment = Map.copyOf(inherited);
    }

    public SandboxSettings settings() {
        return settings;
    }

    /**
     * Runs {@code true} exactly as a script would run, whether or not local execution is on, to learn whether the
     * isolation works on this host: bubblewrap needs user namespaces, which some kernels and container runtimes
     * refuse.
     *
     * @return empty when it ran, otherwise why not (bubblewrap's own message where it gave one)
     */
    public Optional<String> unusableBecause(Duration patience) {
        StringBuilder errors = new StringBuilder();
        OutputSink collect = new OutputSink() {
            @Override
            public void chunk(OutputStream stream, int sequence, String text) {
                errors.append(text);
            }

            @Override
            public void truncated(long keptBytes) {
                // The start of bubblewrap's message is enough.
            }
        };
        Duration timeout = patience.compareTo(settings.maxTimeout()) > 0 ? settings.maxTimeout() : patience;
        try {
            RunResult result = launch(new SandboxRequest("true", null, Map.of(), null, timeout), collect)
                    .result()
                    .get(timeout.toMillis() + AFTER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (result.outcome() == RunOutcome.COMPLETED) {
                return Optional.empty();
            }
            String why =
                    result.exitCode() == null ? "it " + result.outcome().wireName() : "exit code " + result.exitCode();
            return Optional.of(
                    why + (errors.isEmpty() ? "" : ": " + errors.toString().strip()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while trying it");
        } catch (ExecutionException | TimeoutException | RuntimeException failure) {
            return Optional.of(String.valueOf(failure.getMessage()));
        }
    }

    /**
     * The real path of the requested working directory: null or blank is the workspace root, a relative path is
     * resolved against it, an absolute one must already lie inside it.
     *
     * @throws WorkingDirectoryRefused if it escapes the root (by {@code ..} or a symlink), is missing or is no directory
     */
    public Path resolveWorkingDirectory(String requested) {
        return resolveWorkingDirectory(requested, realWorkspaceRoot(), settings.workspaceRoot());
    }

    /**
     * The real path of the requested working directory inside an area of the workspace (see {@link SandboxRequest}),
     * the area made on first use: what a run in that area would be given, or the refusal it would meet.
     *
     * @throws WorkingDirectoryRefused as {@link #resolveWorkingDirectory(String)}, with the area as the root
     */
    public Path resolveWorkingDirectory(String requested, String area) {
        SandboxRequest.assertPlainArea(area);
        Path configuredRoot = settings.workspaceRoot().resolve(area);
        return resolveWorkingDirectory(requested, realArea(configuredRoot), configuredRoot);
    }

    private Path resolveWorkingDirectory(String requested, Path root, Path configuredRoot) {
        if (requested == null || requested.isBlank()) {
            return root;
        }
        Path candidate = parse(requested);
        Path resolved = candidate.isAbsolute() ? candidate : root.resolve(candidate);
        // Lexically first, for a clear message even when the outside target does not exist. The configured root is
        // accepted too, so that an absolute path written against a symlinked root still counts as inside.
        Path normalized = resolved.normalize();
        if (!normalized.startsWith(root) && !normalized.startsWith(configuredRoot)) {
            throw new WorkingDirectoryRefused(requested, "lies outside the workspace");
        }
        // Then physically: the real path follows symlinks and resolves ".." after them, as the kernel will.
        Path real;
        try {
            real = resolved.toRealPath();
        } catch (NoSuchFileException missing) {
            throw new WorkingDirectoryRefused(requested, "does not exist in the workspace");
        } catch (IOException unreadable) {
            throw new WorkingDirectoryRefused(requested, "cannot be read: " + unreadable.getMessage());
        }
        if (!real.startsWith(root)) {
            throw new WorkingDirectoryRefused(requested, "resolves to a place outside the workspace");
        }
        if (!Files.isDirectory(real)) {
            throw new WorkingDirectoryRefused(requested, "is not a directory");
        }
        return real;
    }

    /**
     * Starts the script and returns at once; output goes to the sink as it comes.
     *
     * @throws LocalExecutionDisabled if the settings say local execution is off
     * @throws TimeoutRefused if the requested timeout is not positive or above the maximum
     * @throws WorkingDirectoryRefused see {@link #resolveWorkingDirectory(String)}
     * @throws java.io.UncheckedIOException if the shell cannot be started
     * @throws IllegalStateException if the settings ask for bubblewrap and the host has none (never a silent fallback
     *     to running unconfined)
     */
    public SandboxRun start(SandboxRequest request, OutputSink sink) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(sink, "sink");
        if (!settings.enabled()) {
            throw new LocalExecutionDisabled();
        }
        return launch(request, sink);
    }

    private SandboxRun launch(SandboxRequest request, OutputSink sink) {
        Duration timeout = timeoutOf(request);
        Path configuredRoot = request.area() == null
                ? settings.workspaceRoot()
                : settings.workspaceRoot().resolve(request.area());
        Path root = request.area() == null ? realWorkspaceRoot() : realArea(configuredRoot);
        Path directory = resolveWorkingDirectory(request.workingDirectory(), root, configuredRoot);

        boolean jailed = settings.isolation() == Isolation.BWRAP;
        List<String> command =
                jailed ? jailed(request.script(), root, configuredRoot, directory) : unconfined(request.script());
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        // From scratch, so nothing of the node's environment leaks but what the allowlist names; later layers win.
        // bubblewrap passes this environment on unchanged, and it is all its init (PID 1 in the jail) holds.
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(inheritedEnvironment);
        environment.putAll(settings.fixedEnvironment());
        if (request.area() != null && settings.workspaceRoot().toString().equals(environment.get("HOME"))) {
            // The root is not mounted in an area's jail: its home is the area.
            environment.put("HOME", configuredRoot.toString());
        }
        environment.putAll(request.extraEnvironment());
        environment.putIfAbsent("PATH", DEFAULT_PATH);

        ChunkedOutput output =
                new ChunkedOutput(sink, settings.outputCapBytes(), settings.chunkBytes(), settings.chunkInterval());
        // Jailed, the tree is bwrap, its PID namespace's init and what runs below; unconfined, a setsid group.
        return SandboxRun.start(
                builder,
                request.stdin(),
                timeout,
                output,
                !jailed && SETSID.isPresent(),
                jailed,
                KILL,
                terminationGrace);
    }

    private List<String> jailed(String script, Path root, Path configuredRoot, Path directory) {
        Bubblewrap jail = bubblewrap.orElseThrow(() -> new IllegalStateException(
                "bubblewrap (bwrap) is not installed on this host; install it (Debian: apt-get install bubblewrap) or"
                        + " set ORCHWIZ_SANDBOX=none to run commands unconfined"));
        List<String> inner = new ArrayList<>(settings.shell());
        inner.add(script);
        return jail.command(root, configuredRoot, directory, settings.limits(), settings.readOnlyPaths(), inner);
    }

    /**
     * The script is one argument of its own, never spliced into a command string. Through setsid the shell leads a
     * new session and process group, so the whole tree it starts can be signalled at once; setsid execs in place
     * (a child of the JVM is never a group leader), so the shell keeps the pid we know. {@code --wait} keeps the
     * exit status right should setsid ever have to fork.
     */
    private List<String> unconfined(String script) {
        List<String> command = new ArrayList<>();
        SETSID.ifPresent(setsid -> {
            command.add(setsid);
            command.add("--wait");
        });
        command.addAll(settings.shell());
        command.add(script);
        return command;
    }

    private Duration timeoutOf(SandboxRequest request) {
        Duration timeout = request.timeout() == null ? settings.defaultTimeout() : request.timeout();
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(settings.maxTimeout()) > 0) {
            throw new TimeoutRefused(timeout, settings.maxTimeout());
        }
        return timeout;
    }

    private Path realWorkspaceRoot() {
        try {
            return settings.workspaceRoot().toRealPath();
        } catch (IOException missing) {
            throw new WorkingDirectoryRefused(
                    settings.workspaceRoot().toString(), "is the workspace root and does not exist");
        }
    }

    /** An area's real path, created on first use; it must stay inside the workspace after resolving symlinks. */
    private Path realArea(Path area) {
        Path root = realWorkspaceRoot();
        try {
            Files.createDirectories(area);
            Path real = area.toRealPath();
            if (!real.startsWith(root) || real.equals(root)) {
                throw new WorkingDirectoryRefused(area.toString(), "resolves to a place outside the workspace");
            }
            return real;
        } catch (IOException unwritable) {
            throw new WorkingDirectoryRefused(area.toString(), "cannot be created: " + unwritable.getMessage());
        }
    }

    private static Path parse(String requested) {
        try {
            return Path.of(requested);
        } catch (InvalidPathException invalid) {
            throw new WorkingDirectoryRefused(requested, "is not a valid path");
        }
    }

    private static Optional<String> firstExecutable(String... candidates) {
        return Stream.of(candidates)
                .filter(path -> Files.isExecutable(Path.of(path)))
                .findFirst();
    }
}

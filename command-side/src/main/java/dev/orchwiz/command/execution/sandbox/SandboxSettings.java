package dev.orchwiz.command.execution.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a node runs commands locally.
 *
 * @param enabled the ENABLE_LOCAL_COMMAND_EXECUTION gate; the caller checks it and records "blocked" itself
 * @param workspaceRoot every working directory must lie inside it, after resolving symlinks
 * @param environmentAllowlist names copied from the node's environment (PATH, LANG…); nothing else is inherited
 * @param fixedEnvironment always set, after the allowlisted names (e.g. HOME=workspace root)
 * @param outputCapBytes stdout and stderr bytes kept in total; the rest is drained and dropped
 * @param chunkBytes a chunk is emitted when this many bytes are buffered…
 * @param chunkInterval …or this long after the first unsent byte, whichever comes first
 * @param shell the program and its arguments; the script is passed as the next argument, never spliced into a string
 * @param isolation bubblewrap (the default), or none at all when the operator opted out ({@code ORCHWIZ_SANDBOX=none})
 * @param limits rlimits applied inside bubblewrap
 * @param readOnlyPaths host paths mounted read-only into bubblewrap at the same place, besides the system directories
 *     (e.g. {@code /opt} for tools installed there)
 */
public record SandboxSettings(
        boolean enabled,
        Path workspaceRoot,
        List<String> environmentAllowlist,
        Map<String, String> fixedEnvironment,
        Duration defaultTimeout,
        Duration maxTimeout,
        int outputCapBytes,
        int chunkBytes,
        Duration chunkInterval,
        List<String> shell,
        Isolation isolation,
        ResourceLimits limits,
        List<Path> readOnlyPaths) {

    /**
     * Names copied from the node's environment unless configured otherwise: locale and terminal only. PATH is not
     * among them, because the node's PATH names directories of the node's user that the sandbox does not mount.
     */
    public static final List<String> DEFAULT_ALLOWLIST = List.of("LANG", "LC_ALL", "TZ", "TERM");

    // A chunk must hold at least one whole UTF-8 character (up to 4 bytes), or it could never be cut.
    private static final int SMALLEST_CHUNK = 4;

    public SandboxSettings {
        Objects.requireNonNull(workspaceRoot, "workspaceRoot");
        workspaceRoot = workspaceRoot.toAbsolutePath().normalize();
        environmentAllowlist = List.copyOf(environmentAllowlist);
        fixedEnvironment = Map.copyOf(fixedEnvironment);
        shell = List.copyOf(shell);
        Objects.requireNonNull(isolation, "isolation");
        Objects.requireNonNull(limits, "limits");
        readOnlyPaths = readOnlyPaths.stream()
                .map(path -> path.toAbsolutePath().normalize())
                .toList();
        requirePositive(defaultTimeout, "defaultTimeout");
        requirePositive(maxTimeout, "maxTimeout");
        requirePositive(chunkInterval, "chunkInterval");
        if (defaultTimeout.compareTo(maxTimeout) > 0) {
            throw new IllegalArgumentException(
                    "defaultTimeout " + defaultTimeout + " is above maxTimeout " + maxTimeout);
        }
        if (outputCapBytes < 0) {
            throw new IllegalArgumentException("outputCapBytes must not be negative: " + outputCapBytes);
        }
        if (chunkBytes < SMALLEST_CHUNK) {
            throw new IllegalArgumentException("chunkBytes must be at least " + SMALLEST_CHUNK + ": " + chunkBytes);
        }
        if (shell.isEmpty()) {
            throw new IllegalArgumentException("shell must name a program");
        }
    }

    /**
     * The node's defaults: bubblewrap with {@link ResourceLimits#defaults()}, 120 s default and 30 min maximum
     * timeout, 1 MiB of output, 8 KiB chunks every 250 ms, a small locale allowlist (PATH is the sandbox's own, see
     * {@link Sandbox#DEFAULT_PATH}), HOME set to the workspace root and bash (sh where bash is missing).
     */
    public static SandboxSettings defaults(Path workspaceRoot, boolean enabled) {
        Path root = workspaceRoot.toAbsolutePath().normalize();
        return new SandboxSettings(
                enabled,
                root,
                DEFAULT_ALLOWLIST,
                // Tools that write dotfiles into HOME then write them into the workspace, not the node's home.
                Map.of("HOME", root.toString()),
                Duration.ofSeconds(120),
                Duration.ofMinutes(30),
                1024 * 1024,
                8 * 1024,
                Duration.ofMillis(250),
                defaultShell(),
                Isolation.BWRAP,
                ResourceLimits.defaults(),
                List.of());
    }

    /** The same settings, switched on or off (start-up decides once bubblewrap was tried). */
    public SandboxSettings withEnabled(boolean on) {
        return with(on, isolation);
    }

    /** The same settings with another isolation. */
    public SandboxSettings withIsolation(Isolation other) {
        return with(enabled, other);
    }

    private SandboxSettings with(boolean on, Isolation other) {
        return new SandboxSettings(
                on,
                workspaceRoot,
                environmentAllowlist,
                fixedEnvironment,
                defaultTimeout,
                maxTimeout,
                outputCapBytes,
                chunkBytes,
                chunkInterval,
                shell,
                other,
                limits,
                readOnlyPaths);
    }

    private static List<String> defaultShell() {
        if (Files.isExecutable(Path.of("/bin/bash"))) {
            return List.of("/bin/bash", "-c");
        }
        if (Files.isExecutable(Path.of("/bin/sh"))) {
            return List.of("/bin/sh", "-c");
        }
        return List.of("cmd.exe", "/c");
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}

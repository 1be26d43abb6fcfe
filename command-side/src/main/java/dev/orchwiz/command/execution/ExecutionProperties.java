package dev.orchwiz.command.execution;

import dev.orchwiz.command.execution.sandbox.Isolation;
import dev.orchwiz.command.execution.sandbox.ResourceLimits;
import dev.orchwiz.command.execution.sandbox.SandboxSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How this node runs tool calls.
 *
 * @param enabled {@code ENABLE_LOCAL_COMMAND_EXECUTION}: true or false forces it; unset (null) means on exactly when
 *     the bubblewrap jail works on this host
 * @param sandbox {@code ORCHWIZ_SANDBOX}: {@code bwrap} (default) or {@code none}, the operator's explicit opt-out
 * @param limits rlimits inside the jail
 * @param readOnlyPaths further host paths the jail mounts read-only (e.g. {@code /opt})
 */
@ConfigurationProperties("orchwiz.execution")
public record ExecutionProperties(
        Boolean enabled,
        Isolation sandbox,
        Path workspaceRoot,
        List<String> environmentAllowlist,
        Duration defaultTimeout,
        Duration maxTimeout,
        DataSize outputCap,
        Duration approvalTtl,
        Limits limits,
        List<Path> readOnlyPaths) {

    public ExecutionProperties {
        if (sandbox == null) {
            sandbox = Isolation.BWRAP;
        }
        if (workspaceRoot == null) {
            workspaceRoot = Path.of(System.getProperty("user.home"), ".orchwiz", "workspace");
        }
        if (environmentAllowlist == null || environmentAllowlist.isEmpty()) {
            environmentAllowlist = SandboxSettings.DEFAULT_ALLOWLIST;
        }
        if (defaultTimeout == null) {
            defaultTimeout = Duration.ofMinutes(2);
        }
        if (maxTimeout == null) {
            maxTimeout = Duration.ofMinutes(30);
        }
        if (outputCap == null) {
            outputCap = DataSize.ofMegabytes(1);
        }
        if (approvalTtl == null) {
            approvalTtl = Duration.ofMinutes(15);
        }
        if (limits == null) {
            limits = new Limits(null, null, null, null);
        }
        // An empty ORCHWIZ_SANDBOX_READ_ONLY_PATHS must mean none, not "" (which would resolve to the current
        // directory).
        readOnlyPaths = readOnlyPaths == null
                ? List.of()
                : readOnlyPaths.stream()
                        .filter(path -> !path.toString().isBlank())
                        .toList();
    }

    /**
     * The jail's rlimits; each unset one takes {@link ResourceLimits#defaults()}, zero switches it off.
     *
     * @param cpu CPU time per process
     * @param fileSize the largest file a process may write
     * @param processes processes and threads
     * @param tmpSize the private {@code /tmp}
     */
    public record Limits(Duration cpu, DataSize fileSize, Integer processes, DataSize tmpSize) {

        ResourceLimits resolved() {
            ResourceLimits defaults = ResourceLimits.defaults();
            return new ResourceLimits(
                    cpu == null ? defaults.cpuTime() : cpu,
                    fileSize == null ? defaults.fileSizeBytes() : fileSize.toBytes(),
                    processes == null ? defaults.processes() : processes,
                    tmpSize == null ? defaults.tmpBytes() : tmpSize.toBytes());
        }
    }
}

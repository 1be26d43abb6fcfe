package dev.orchwiz.command.execution;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How this node runs tool calls. Local execution is off unless switched on ({@code ENABLE_LOCAL_COMMAND_EXECUTION}),
 * because a run is a real process on the node's host.
 */
@ConfigurationProperties("orchwiz.execution")
public record ExecutionProperties(
        boolean enabled,
        Path workspaceRoot,
        List<String> environmentAllowlist,
        Duration defaultTimeout,
        Duration maxTimeout,
        DataSize outputCap,
        Duration approvalTtl) {

    public ExecutionProperties {
        if (workspaceRoot == null) {
            workspaceRoot = Path.of(System.getProperty("user.home"), ".orchwiz", "workspace");
        }
        if (environmentAllowlist == null || environmentAllowlist.isEmpty()) {
            environmentAllowlist = List.of("PATH", "LANG", "LC_ALL", "TZ", "TERM");
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
    }
}

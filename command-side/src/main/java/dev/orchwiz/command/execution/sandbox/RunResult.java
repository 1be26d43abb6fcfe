package dev.orchwiz.command.execution.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How a run ended.
 *
 * @param exitCode the script's exit status; {@code null} when the sandbox killed it (timeout or cancel)
 * @param duration wall time from starting the process to having its whole output
 * @param stdoutBytes bytes the child wrote to stdout, including any dropped past the cap
 * @param stderrBytes bytes the child wrote to stderr, including any dropped past the cap
 * @param truncated whether output was dropped because of the cap
 */
public record RunResult(
        RunOutcome outcome,
        Integer exitCode,
        Duration duration,
        long stdoutBytes,
        long stderrBytes,
        boolean truncated) {

    public RunResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
    }
}

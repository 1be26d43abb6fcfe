package dev.orchwiz.command.execution.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * Kernel limits (rlimits) on every process of a bubblewrap-confined run, on top of the run's timeout and output cap.
 * Zero means no limit of that kind.
 *
 * @param cpuTime CPU time each process may use (RLIMIT_CPU, whole seconds); a busy loop is killed by SIGXCPU
 * @param fileSizeBytes the largest file a process may write (RLIMIT_FSIZE), in the workspace and in {@code /tmp}
 * @param processes processes and threads of the sandbox's user (RLIMIT_NPROC); counted per sandbox on kernels from
 *     5.14 (per user namespace), and not enforced by the kernel when the node itself runs as root
 * @param tmpBytes size of the sandbox's private {@code /tmp} (a tmpfs, so it is memory)
 */
public record ResourceLimits(Duration cpuTime, long fileSizeBytes, int processes, long tmpBytes) {

    public ResourceLimits {
        Objects.requireNonNull(cpuTime, "cpuTime");
        if (cpuTime.isNegative() || fileSizeBytes < 0 || processes < 0 || tmpBytes < 0) {
            throw new IllegalArgumentException("resource limits must not be negative: " + cpuTime + ", " + fileSizeBytes
                    + ", " + processes + ", " + tmpBytes);
        }
    }

    /** 10 CPU minutes per process, 1 GiB per file, 1024 processes, 256 MiB of {@code /tmp}. */
    public static ResourceLimits defaults() {
        return new ResourceLimits(Duration.ofMinutes(10), 1024L * 1024 * 1024, 1024, 256L * 1024 * 1024);
    }

    /** Whole seconds, rounded up, so that a limit below one second still limits rather than meaning "none". */
    long cpuSeconds() {
        long seconds = cpuTime.toSeconds();
        return cpuTime.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1;
    }
}

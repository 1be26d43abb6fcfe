package dev.orchwiz.command.execution.sandbox;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether this host can run the bubblewrap jail, and what the host's process table says. Tests that need the jail
 * skip without it, unless {@code ORCHWIZ_REQUIRE_SANDBOX=true} (CI sets it once bubblewrap is installed), which turns
 * a missing or broken jail into a failure, so that CI can never skip them silently.
 */
final class TestJail {

    private static final Optional<String> UNUSABLE = tryIt();

    private TestJail() {}

    /** The jail when it works here; without it, unconfined runs (unless the jail is required). */
    static Isolation isolation() {
        if (UNUSABLE.isEmpty()) {
            return Isolation.BWRAP;
        }
        requireUnlessAllowedToSkip();
        return Isolation.NONE;
    }

    /** Skips the calling test when the jail does not work here and is not required. */
    static void assumeWorking() {
        requireUnlessAllowedToSkip();
        assumeTrue(UNUSABLE.isEmpty(), () -> "no working bubblewrap: " + UNUSABLE.get());
    }

    /**
     * Host pids of running processes whose argv[0] is exactly the marker (set with bash's {@code exec -a}): pids
     * written inside the jail are the PID namespace's own and mean nothing on the host. A zombie has no command line
     * and so never matches: it runs nothing.
     */
    static List<Long> running(String marker) {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path entry : entries) {
                try {
                    String commandLine =
                            new String(Files.readAllBytes(entry.resolve("cmdline")), StandardCharsets.ISO_8859_1);
                    int end = commandLine.indexOf('\0');
                    String first = end < 0 ? commandLine : commandLine.substring(0, end);
                    if (first.equals(marker)) {
                        pids.add(Long.parseLong(entry.getFileName().toString()));
                    }
                } catch (IOException | NumberFormatException gone) {
                    // Exited while being read.
                }
            }
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read /proc", unreadable);
        }
        return pids;
    }

    private static void requireUnlessAllowedToSkip() {
        if (UNUSABLE.isPresent() && "true".equalsIgnoreCase(System.getenv("ORCHWIZ_REQUIRE_SANDBOX"))) {
            throw new IllegalStateException(
                    "ORCHWIZ_REQUIRE_SANDBOX is set but the bubblewrap jail does not work: " + UNUSABLE.get());
        }
    }

    private static Optional<String> tryIt() {
        try {
            Path workspace = Files.createTempDirectory("orchwiz-jail-probe");
            return new Sandbox(SandboxSettings.defaults(workspace, false), java.util.Map.of())
                    .unusableBecause(Duration.ofSeconds(10));
        } catch (IOException unwritable) {
            return Optional.of("no temporary directory: " + unwritable.getMessage());
        }
    }
}

package dev.orchwiz.command.execution;

import dev.orchwiz.command.execution.sandbox.Isolation;
import dev.orchwiz.command.execution.sandbox.Sandbox;
import dev.orchwiz.command.execution.sandbox.SandboxSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the node's one sandbox from its execution settings and decides, once at start-up, whether it runs commands:
 * the workspace root is created, and bubblewrap is tried for real before anything depends on it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExecutionProperties.class)
class SandboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

    // Starting an empty jail takes milliseconds; this only bounds a host where it hangs.
    private static final Duration PROBE_PATIENCE = Duration.ofSeconds(10);

    @Bean
    Sandbox sandbox(ExecutionProperties properties, @Value("${orchwiz.home:}") String home) {
        if (!home.isBlank()) {
            assertNodeHomeOutsideTheJail(properties.workspaceRoot(), properties.readOnlyPaths(), Path.of(home));
        }
        try {
            Files.createDirectories(properties.workspaceRoot());
        } catch (IOException unwritable) {
            throw new UncheckedIOException(
                    "cannot create the workspace root " + properties.workspaceRoot(), unwritable);
        }
        SandboxSettings defaults = SandboxSettings.defaults(properties.workspaceRoot(), false);
        SandboxSettings settings = new SandboxSettings(
                false,
                properties.workspaceRoot(),
                properties.environmentAllowlist(),
                Map.of("HOME", properties.workspaceRoot().toString()),
                properties.defaultTimeout(),
                properties.maxTimeout(),
                (int) Math.min(Integer.MAX_VALUE, properties.outputCap().toBytes()),
                defaults.chunkBytes(),
                defaults.chunkInterval(),
                defaults.shell(),
                properties.sandbox(),
                properties.limits().resolved(),
                properties.readOnlyPaths());
        Sandbox probe = new Sandbox(settings, Map.of());
        boolean enabled =
                localExecution(properties.enabled(), properties.sandbox(), () -> probe.unusableBecause(PROBE_PATIENCE));
        log.info(
                "Local command execution is {} (sandbox {}, workspace root {})",
                enabled ? "ON" : "OFF",
                properties.sandbox().name().toLowerCase(Locale.ROOT),
                properties.workspaceRoot());
        return new Sandbox(settings.withEnabled(enabled), System.getenv());
    }

    /**
     * Refuses a layout that would put the node's own files (its database, its key) inside what runs may read: the
     * workspace root is mounted writable and the read-only paths readable, so neither may contain the node's home.
     */
    static void assertNodeHomeOutsideTheJail(Path workspaceRoot, List<Path> readOnlyPaths, Path home) {
        Path nodeHome = home.toAbsolutePath().normalize();
        List<Path> visible = new java.util.ArrayList<>();
        visible.add(workspaceRoot);
        visible.addAll(readOnlyPaths);
        for (Path path : visible) {
            if (nodeHome.startsWith(path.toAbsolutePath().normalize())) {
                throw new IllegalStateException("The sandbox would expose the node's own files: " + path
                        + " contains ORCHWIZ_HOME (" + nodeHome + "), where the database and the node key live."
                        + " Point ORCHWIZ_WORKSPACE_ROOT (and ORCHWIZ_SANDBOX_READ_ONLY_PATHS) elsewhere, or move"
                        + " ORCHWIZ_HOME.");
            }
        }
    }

    /**
     * Whether this node runs commands locally.
     *
     * @param requested ENABLE_LOCAL_COMMAND_EXECUTION: true, false, or null when unset
     * @param probe runs an empty command in the jail; empty when that worked, otherwise why not
     * @throws IllegalStateException when execution is asked for and the jail does not work here: the node must not
     *     start and quietly run nothing, nor run unconfined without being told to
     */
    static boolean localExecution(Boolean requested, Isolation isolation, Supplier<Optional<String>> probe) {
        if (Boolean.FALSE.equals(requested)) {
            return false;
        }
        if (isolation == Isolation.NONE) {
            if (Boolean.TRUE.equals(requested)) {
                log.warn("ORCHWIZ_SANDBOX=none: commands run UNCONFINED, as this node's user, with its files, network"
                        + " and processes in reach. Use it only where bubblewrap cannot run.");
                return true;
            }
            log.warn("ORCHWIZ_SANDBOX=none: no jail for commands, so local execution stays OFF unless"
                    + " ENABLE_LOCAL_COMMAND_EXECUTION=true asks for unconfined runs");
            return false;
        }
        Optional<String> unusable = probe.get();
        if (unusable.isEmpty()) {
            return true;
        }
        String why = "the bubblewrap sandbox does not work on this host (" + unusable.get() + ")";
        if (Boolean.TRUE.equals(requested)) {
            throw new IllegalStateException("ENABLE_LOCAL_COMMAND_EXECUTION=true, but " + why
                    + ". Install bubblewrap (Debian: apt-get install bubblewrap) and allow user namespaces, or set"
                    + " ORCHWIZ_SANDBOX=none to run commands unconfined as the node's user.");
        }
        log.info(
                "Local command execution is OFF because {}; install bubblewrap and allow user namespaces to turn it on",
                why);
        return false;
    }
}

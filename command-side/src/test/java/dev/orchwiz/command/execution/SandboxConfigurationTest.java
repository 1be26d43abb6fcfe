package dev.orchwiz.command.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchwiz.command.execution.sandbox.Isolation;
import dev.orchwiz.command.execution.sandbox.ResourceLimits;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SandboxConfigurationTest {

    private static final Supplier<Optional<String>> WORKS = Optional::empty;
    private static final Supplier<Optional<String>> BROKEN =
            () -> Optional.of("bwrap: No permissions to create a new namespace");

    @Test
    void refusesAWorkspaceOrReadOnlyPathThatContainsTheNodesHome() {
        java.nio.file.Path home = java.nio.file.Path.of("/srv/orchwiz");

        assertThatThrownBy(() -> SandboxConfiguration.assertNodeHomeOutsideTheJail(
                        java.nio.file.Path.of("/srv"), java.util.List.of(), home))
                .hasMessageContaining("ORCHWIZ_HOME");
        assertThatThrownBy(() -> SandboxConfiguration.assertNodeHomeOutsideTheJail(
                        java.nio.file.Path.of("/srv/orchwiz"), java.util.List.of(), home))
                .hasMessageContaining("ORCHWIZ_HOME");
        assertThatThrownBy(() -> SandboxConfiguration.assertNodeHomeOutsideTheJail(
                        java.nio.file.Path.of("/srv/orchwiz/workspace"),
                        java.util.List.of(java.nio.file.Path.of("/")),
                        home))
                .hasMessageContaining("ORCHWIZ_SANDBOX_READ_ONLY_PATHS");
        SandboxConfiguration.assertNodeHomeOutsideTheJail(
                java.nio.file.Path.of("/srv/orchwiz/workspace"),
                java.util.List.of(java.nio.file.Path.of("/opt")),
                home);
        SandboxConfiguration.assertNodeHomeOutsideTheJail(
                java.nio.file.Path.of("/srv/orchwiz-workspace"), java.util.List.of(), home);
    }

    @Test
    void refusesToStartWhenExecutionIsForcedOnAndTheJailDoesNotWork() {
        assertThatThrownBy(() -> SandboxConfiguration.localExecution(true, Isolation.BWRAP, BROKEN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ENABLE_LOCAL_COMMAND_EXECUTION=true")
                .hasMessageContaining("No permissions to create a new namespace")
                .hasMessageContaining("apt-get install bubblewrap")
                .hasMessageContaining("ORCHWIZ_SANDBOX=none");
    }

    @Test
    void runsCommandsWhenForcedOnAndTheJailWorks() {
        assertThat(SandboxConfiguration.localExecution(true, Isolation.BWRAP, WORKS))
                .isTrue();
    }

    @Test
    void turnsExecutionOnByDefaultExactlyWhenTheJailWorks() {
        assertThat(SandboxConfiguration.localExecution(null, Isolation.BWRAP, WORKS))
                .isTrue();
        assertThat(SandboxConfiguration.localExecution(null, Isolation.BWRAP, BROKEN))
                .isFalse();
    }

    @Test
    void neverTriesTheJailWhenForcedOffOrOptedOut() {
        // given
        AtomicInteger tries = new AtomicInteger();
        Supplier<Optional<String>> counted = () -> {
            tries.incrementAndGet();
            return Optional.empty();
        };

        // when / then
        assertThat(SandboxConfiguration.localExecution(false, Isolation.BWRAP, counted))
                .isFalse();
        assertThat(SandboxConfiguration.localExecution(false, Isolation.NONE, counted))
                .isFalse();
        assertThat(SandboxConfiguration.localExecution(null, Isolation.NONE, counted))
                .isFalse();
        assertThat(SandboxConfiguration.localExecution(true, Isolation.NONE, counted))
                .isTrue();
        assertThat(tries).hasValue(0);
    }

    @Test
    void runsUnconfinedOnlyWhenTheOperatorOptedOutAndForcedExecutionOn() {
        assertThat(SandboxConfiguration.localExecution(null, Isolation.NONE, BROKEN))
                .isFalse();
        assertThat(SandboxConfiguration.localExecution(true, Isolation.NONE, BROKEN))
                .isTrue();
    }

    @Test
    void readsAnEmptySwitchAsUnsetAndTheSandboxNameInAnyCase() {
        // given what application.yml passes through when ENABLE_LOCAL_COMMAND_EXECUTION and the others are unset
        Map<String, String> unset = new HashMap<>(Map.of(
                "orchwiz.execution.enabled", "",
                "orchwiz.execution.limits.cpu", "",
                "orchwiz.execution.limits.file-size", "",
                "orchwiz.execution.limits.processes", "",
                "orchwiz.execution.limits.tmp-size", "",
                "orchwiz.execution.read-only-paths", ""));
        Map<String, String> optedOut = Map.of("orchwiz.execution.enabled", "true", "orchwiz.execution.sandbox", "none");

        // when
        ExecutionProperties defaults = bind(unset);
        ExecutionProperties none = bind(optedOut);

        // then
        assertThat(defaults.enabled()).isNull();
        assertThat(defaults.sandbox()).isEqualTo(Isolation.BWRAP);
        assertThat(defaults.limits().resolved()).isEqualTo(ResourceLimits.defaults());
        assertThat(defaults.readOnlyPaths()).isEmpty();
        assertThat(none.enabled()).isTrue();
        assertThat(none.sandbox()).isEqualTo(Isolation.NONE);
    }

    @Test
    void takesEachLimitOnItsOwnAndZeroSwitchesOneOff() {
        // given
        Map<String, String> limits = Map.of(
                "orchwiz.execution.limits.cpu", "0s",
                "orchwiz.execution.limits.file-size", "10MB",
                "orchwiz.execution.limits.processes", "64");

        // when
        var resolved = bind(limits).limits().resolved();

        // then
        assertThat(resolved.cpuTime()).isZero();
        assertThat(resolved.fileSizeBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(resolved.processes()).isEqualTo(64);
        assertThat(resolved.tmpBytes()).isEqualTo(256L * 1024 * 1024);
    }

    private static ExecutionProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("orchwiz.execution", ExecutionProperties.class);
    }
}

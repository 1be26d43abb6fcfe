package dev.orchwiz.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RunCpuTest {

    @Test
    void marginalOverheadOnCpuIsWhatARunAddsPerCallAgainstTheDirectCall() {
        // given a plain run takes 10 ms of node CPU, a run with one call 19 ms + 2 ms sandbox, the direct call 8 + 2 ms
        RunCpu plain = new RunCpu(10, 0, 3);
        RunCpu withTool = new RunCpu(19, 2, 6);
        RunCpu direct = new RunCpu(8, 2, 2);

        // then the run adds 11 ms per call against the call's own 10 ms: 10 % more
        assertThat(RunCpu.marginalPercent(plain, withTool, direct, 1)).isCloseTo(10.0, within(1e-9));
        // and with the database: 14 ms against 12 ms
        assertThat(RunCpu.marginalWithDatabasePercent(plain, withTool, direct, 1))
                .isCloseTo(100.0 * 14 / 12 - 100, within(1e-9));
    }

    @Test
    void spreadsARunsExtraCpuOverTheCallsItAskedFor() {
        RunCpu plain = new RunCpu(10, 0, 0);
        RunCpu withFour = new RunCpu(50, 0, 0);
        RunCpu direct = new RunCpu(10, 0, 0);

        assertThat(RunCpu.marginalPercent(plain, withFour, direct, 4)).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void anUnknownFigureGivesNoOverhead() {
        RunCpu unknown = new RunCpu(Double.NaN, Double.NaN, Double.NaN);
        RunCpu known = new RunCpu(10, 0, 0);

        assertThat(RunCpu.marginalPercent(known, known, unknown, 1)).isNaN();
    }

    @Test
    void readsTheChildrenCpuOfAProcessThatHasChildren() throws Exception {
        // given this process starts and reaps a child that burns some CPU
        long before = Resources.childTicks(ProcessHandle.current().pid());
        Process child = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done")
                .inheritIO()
                .start();
        assertThat(child.waitFor()).isZero();

        // then its CPU shows in the parent's children ticks (cutime + cstime), which never go down
        assertThat(Resources.childTicks(ProcessHandle.current().pid())).isGreaterThan(before);
    }
}

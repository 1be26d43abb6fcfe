package dev.orchwiz.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RunOverheadTest {

    @Test
    void marginalOverheadIsTheTimeARunAddsPerCallAgainstTheDirectCall() {
        // given plain runs take 10 ms of the node, runs with one call 22 ms, and the call alone 10 ms
        RunOverhead overhead = new RunOverhead(100, 1000.0 / 22, 100, 1);

        // then the run adds 12 ms per call, 20 % more than the call's own 10 ms
        assertThat(overhead.marginalSecondsPerCall()).isCloseTo(0.012, within(1e-9));
        assertThat(overhead.directSecondsPerCall()).isCloseTo(0.010, within(1e-9));
        assertThat(overhead.marginalOverheadPercent()).isCloseTo(20.0, within(1e-6));
        // and with the whole run charged to its one call, 22 ms against 10 ms
        assertThat(overhead.wholeRunOverheadPercent()).isCloseTo(120.0, within(1e-6));
    }

    @Test
    void spreadsARunsExtraTimeOverTheCallsItAskedFor() {
        // given runs with four calls take 50 ms against 10 ms for a plain run, and a direct call 10 ms
        RunOverhead overhead = new RunOverhead(100, 20, 100, 4);

        // then each call costs 10 ms through the run, no more than directly
        assertThat(overhead.callsPerSecondThroughRuns()).isCloseTo(80.0, within(1e-9));
        assertThat(overhead.marginalOverheadPercent()).isCloseTo(0.0, within(1e-6));
        assertThat(overhead.wholeRunOverheadPercent()).isCloseTo(25.0, within(1e-6));
    }

    @Test
    void answersNotANumberWhenAMeasurementFinishedNothing() {
        assertThat(new RunOverhead(0, 10, 100, 1).marginalOverheadPercent()).isNaN();
        assertThat(new RunOverhead(100, 10, 0, 1).marginalOverheadPercent()).isNaN();
        assertThat(new RunOverhead(100, 0, 100, 1).wholeRunOverheadPercent()).isNaN();
    }

    @Test
    void refusesARunWithToolsThatAsksForNone() {
        assertThatThrownBy(() -> new RunOverhead(1, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentOverIsNegativeWhenTheMeasurementIsShorter() {
        assertThat(RunOverhead.percentOver(8, 10)).isCloseTo(-20.0, within(1e-9));
        assertThat(RunOverhead.percentOver(8, 0)).isNaN();
    }

    @Test
    void perCallInARunLeavesTheModelCallStepsOut() {
        // given one-call runs take 30 ms of the node (two model calls and a call), four-call runs 63 ms, a direct
        // call 10 ms
        RunOverhead.PerCall perCall = new RunOverhead.PerCall(1000.0 / 30, 1000.0 / 63, 4, 100);

        // then each further call in a run costs 11 ms, 10 % more than the call alone
        assertThat(perCall.secondsPerCall()).isCloseTo(0.011, within(1e-9));
        assertThat(perCall.overheadPercent()).isCloseTo(10.0, within(1e-6));
    }

    @Test
    void perCallNeedsTwoCallsAndEveryRate() {
        assertThatThrownBy(() -> new RunOverhead.PerCall(1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RunOverhead.PerCall(10, 5, 4, 0).overheadPercent()).isNaN();
        assertThat(new RunOverhead.PerCall(10, 0, 4, 100).overheadPercent()).isNaN();
    }
}

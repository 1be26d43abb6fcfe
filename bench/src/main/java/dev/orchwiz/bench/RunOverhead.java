package dev.orchwiz.bench;

/**
 * What a tool call costs through a run against the same call asked for directly, at one client level.
 *
 * <p>Closed-loop clients keep the node saturated (or their own round trips busy), so the inverse of a throughput is
 * the time one operation takes of the node at that level. A run that asks for {@code callsPerRun} calls differs from
 * a plain run by exactly those calls and what the run records around them (the call's span and events, its result
 * given back to the model, redaction, the model call that reads the result), so the marginal time per call is
 * {@code (1/withTools − 1/plain) / callsPerRun}. Compared with {@code 1/direct}, the time of the same call without a
 * run, it gives the run's overhead per call. The whole-run figure compares calls/s through runs with direct calls/s,
 * so it also charges the prompt, the run's start and its first model call to the call.
 *
 * @param plainRunsPerSecond runs without a tool call finished per second
 * @param toolRunsPerSecond runs with {@code callsPerRun} calls finished per second
 * @param directCallsPerSecond the same calls asked for directly and finished, per second
 * @param callsPerRun tool calls each run of {@code toolRunsPerSecond} asks for
 */
record RunOverhead(double plainRunsPerSecond, double toolRunsPerSecond, double directCallsPerSecond, int callsPerRun) {

    RunOverhead {
        if (callsPerRun < 1) {
            throw new IllegalArgumentException("a run with tools asks for at least one call");
        }
    }

    /** Tool calls finished per second through runs. */
    double callsPerSecondThroughRuns() {
        return toolRunsPerSecond * callsPerRun;
    }

    /** Seconds of the node per call through runs beyond a plain run; NaN when a rate is missing. */
    double marginalSecondsPerCall() {
        if (!(plainRunsPerSecond > 0) || !(toolRunsPerSecond > 0)) {
            return Double.NaN;
        }
        return (1 / toolRunsPerSecond - 1 / plainRunsPerSecond) / callsPerRun;
    }

    /** Seconds of the node per direct call; NaN when none finished. */
    double directSecondsPerCall() {
        return directCallsPerSecond > 0 ? 1 / directCallsPerSecond : Double.NaN;
    }

    /** Extra time per call through a run, in percent of the direct call's: the run's own cost per tool call. */
    double marginalOverheadPercent() {
        return percentOver(marginalSecondsPerCall(), directSecondsPerCall());
    }

    /** The same with the whole run (prompt, start, both model calls) charged to its calls. */
    double wholeRunOverheadPercent() {
        double throughRuns = callsPerSecondThroughRuns();
        return throughRuns > 0 ? percentOver(1 / throughRuns, directSecondsPerCall()) : Double.NaN;
    }

    /** How much longer {@code measured} is than {@code base}, in percent (negative when shorter). */
    static double percentOver(double measured, double base) {
        if (Double.isNaN(measured) || Double.isNaN(base) || base <= 0) {
            return Double.NaN;
        }
        return (measured / base - 1) * 100;
    }

    /**
     * What each call costs within a run, its model-call steps left out: a run asking for {@code manyCalls} calls in one
     * step against a run asking for one, both with the same two model calls (the one asking, the one reading the
     * results). Their difference is {@code manyCalls − 1} calls with what the run records around each (the call's
     * span and run events, its result settled into the run, redaction): the observability harness's work per call.
     *
     * @param oneCallRunsPerSecond runs with one call finished per second
     * @param manyCallRunsPerSecond runs with {@code manyCalls} calls finished per second
     * @param manyCalls calls the many-call run asks for, at least 2
     * @param directCallsPerSecond the same calls asked for directly and finished, per second
     */
    record PerCall(
            double oneCallRunsPerSecond, double manyCallRunsPerSecond, int manyCalls, double directCallsPerSecond) {

        PerCall {
            if (manyCalls < 2) {
                throw new IllegalArgumentException("the many-call run asks for at least two calls");
            }
        }

        /** Seconds of the node per call within a run; NaN when a rate is missing. */
        double secondsPerCall() {
            return new RunOverhead(oneCallRunsPerSecond, manyCallRunsPerSecond, directCallsPerSecond, manyCalls - 1)
                    .marginalSecondsPerCall();
        }

        /** Extra time per call within a run, in percent of the direct call's. */
        double overheadPercent() {
            return percentOver(secondsPerCall(), directCallsPerSecond > 0 ? 1 / directCallsPerSecond : Double.NaN);
        }
    }
}

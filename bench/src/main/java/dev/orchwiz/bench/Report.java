package dev.orchwiz.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What a run found, filled in phase by phase: the results of each phase and the problems that make it fail. */
final class Report {

    private final List<String> problems = new ArrayList<>();
    private long errorsTotal;

    final List<Measurement.Measured> levels = new ArrayList<>();
    final List<ListResult> lists = new ArrayList<>();
    LagResult lag;
    SeedResult seed;
    RebuildResult rebuild;
    ToolCallResult toolCalls;
    RunsResult runs;

    /** The replication phase's section, as markdown lines (empty when it did not run). */
    final List<String> replication = new ArrayList<>();

    /** The start phase's section, as markdown lines (empty when it did not run). */
    final List<String> start = new ArrayList<>();

    NodeUnderTest.Memory memoryAfterLoad;
    NodeUnderTest.Memory memoryAfterRebuild;

    /** The lag on an idle node and under load, with the load's own figures and what the node did meanwhile. */
    record LagResult(Lag.Result idle, Lag.Result loaded, ClosedLoop.Outcome load, Probe.Result loadProbe) {}

    /** One list measurement, with the sessions present and how long creating the missing ones took. */
    record ListResult(String label, long sessions, Measurement.Measured measured, long filled, double fillSeconds) {}

    record SeedResult(
            long eventsBefore,
            long eventsAfter,
            long sessionsBefore,
            long sessionsAfter,
            double seconds,
            ClosedLoop.Outcome outcome,
            Probe.Result probe,
            double catchUpSeconds,
            boolean caughtUp,
            CloneFill.Result copies) {}

    record RebuildResult(
            long events,
            double seconds,
            boolean finished,
            boolean sawReplay,
            long polls,
            long expectedSessions,
            long listedSessions,
            long startedEvents,
            Probe.Result probe,
            String acceptedStatus) {

        double eventsPerSecond() {
            return seconds <= 0 ? 0 : events / seconds;
        }

        boolean correct() {
            return finished
                    && listedSessions == expectedSessions
                    && (startedEvents < 0 || startedEvents == listedSessions);
        }
    }

    /**
     * The control plane phase: allowed calls per level, the inbox fill, the two lists and the approvals, with the
     * read model's size while the lists were read and how many calls were left pending after the approvals.
     */
    record ToolCallResult(
            List<Measurement.Measured> decisions,
            Measurement.Measured fill,
            long calls,
            long pending,
            Measurement.Measured inbox,
            Measurement.Measured executions,
            int warmupDecisions,
            Measurement.Measured approvals,
            long leftPending,
            long listedAfter) {

        /** Every measurement of the phase that has figures of its own, in the order they ran. */
        List<Measurement.Measured> measurements() {
            List<Measurement.Measured> all = new ArrayList<>(decisions);
            all.add(fill);
            all.add(inbox);
            all.add(executions);
            all.add(approvals);
            return all;
        }
    }

    /**
     * One client level of the runs phase: plain runs, runs with one tool call, runs with several calls in one step,
     * the same call asked for directly; the overhead with the call's model-call step, and per call within a run.
     */
    record RunLevel(
            int clients,
            Measurement.Measured plain,
            Measurement.Measured withTool,
            Measurement.Measured manyTools,
            Measurement.Measured direct,
            RunOverhead overhead,
            RunOverhead.PerCall perCall) {}

    /**
     * The runs phase: each level's three measurements, and how the runs' tool calls and the direct calls ended
     * (warm-up included), which must match for the overhead to compare the same work.
     */
    record RunsResult(
            List<RunLevel> levels,
            int manyCalls,
            boolean waitedOnStream,
            Clients.Statuses runToolStatuses,
            Clients.Statuses directStatuses) {

        List<Measurement.Measured> measurements() {
            List<Measurement.Measured> all = new ArrayList<>();
            levels.forEach(level -> {
                all.add(level.plain());
                all.add(level.withTool());
                all.add(level.manyTools());
                all.add(level.direct());
            });
            return all;
        }
    }

    void problem(String problem) {
        problems.add(problem);
    }

    /** Adds the recorder's failed requests to the run's errors, as one problem named {@code what}. */
    void countErrors(String what, Recorder recorder) {
        long errors = recorder.errors(Recorder.ALL);
        if (errors > 0) {
            errorsTotal += errors;
            problems.add(what + ": " + errors + " failed requests (" + recorder.errorSummary(Recorder.ALL) + ")");
        }
    }

    /** {@link #countErrors} of the measured window and of the warm-up, named after the measurement's phase. */
    void countErrors(Measurement.Measured measured) {
        countErrors(measured.phase(), measured.outcome().measured());
        countErrors(measured.phase() + " warm-up", measured.outcome().warmup());
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    long errorsTotal() {
        return errorsTotal;
    }

    /** What the node did during every measured phase, in the order the report's summary checks them. */
    List<Probe.Result> allProbes() {
        List<Probe.Result> probes = new ArrayList<>();
        levels.forEach(level -> probes.add(level.probe()));
        lists.forEach(list -> probes.add(list.measured().probe()));
        if (seed != null) {
            probes.add(seed.probe());
        }
        if (rebuild != null) {
            probes.add(rebuild.probe());
        }
        if (lag != null) {
            probes.add(lag.loadProbe());
        }
        if (toolCalls != null) {
            toolCalls.measurements().forEach(measured -> probes.add(measured.probe()));
        }
        if (runs != null) {
            runs.measurements().forEach(measured -> probes.add(measured.probe()));
        }
        return probes.stream().filter(Objects::nonNull).toList();
    }
}

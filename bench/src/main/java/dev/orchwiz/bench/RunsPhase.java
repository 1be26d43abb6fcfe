package dev.orchwiz.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Agent runs on the node's deterministic {@code local} runtime, a model that answers at once: runs per second, and
 * what a tool call costs through a run (its span, events and redaction) against the same call asked for directly.
 */
final class RunsPhase implements Phase {

    @Override
    public void run(Harness harness) throws Exception {
        Http http = harness.node().http();
        Recorder setup = new Recorder();
        Report report = harness.report();
        // What a user does before letting runs work unattended: allow the one command they run.
        Http.Result rule = http.post(
                "/api/permissions", Map.of("rule", RunClients.ALLOW_RULE, "outcome", "allow", "scope", "user"));
        setup.record("add rule", rule);
        if (!rule.ok()) {
            report.countErrors("runs: set-up", setup);
            report.problem("runs: POST /api/permissions answered " + rule.outcome() + " " + rule.text()
                    + "; the phase did not run");
            return;
        }
        try {
            measure(harness, setup);
        } finally {
            // An attached node keeps its users' rules: remove the one the benchmark added.
            setup.record(
                    "delete rule",
                    http.delete("/api/permissions/" + rule.json().path("id").asText()));
            report.countErrors("runs: set-up (rule, sessions)", setup);
        }
    }

    private static void measure(Harness harness, Recorder setup) throws InterruptedException {
        Config config = harness.config();
        Report report = harness.report();
        int top = Measurement.top(config.levels());
        Http http = harness.node().http();
        // The direct calls' sessions: one per runtime for the whole phase, as in the tool-call phase.
        List<String> direct = new ArrayList<>();
        for (int i = 0; i < top; i++) {
            String id = RunClients.session(http, setup, "Bench direct calls " + i);
            if (id == null) {
                report.problem("runs: the sessions for the direct calls could not be created; the phase did not run");
                return;
            }
            direct.add(id);
        }
        Clients.Statuses runStates = new Clients.Statuses("completed");
        Clients.Statuses toolRunStates = new Clients.Statuses("completed");
        Clients.Statuses runToolStatuses = new Clients.Statuses("completed");
        Clients.Statuses directStatuses = new Clients.Statuses("completed");
        List<Report.RunLevel> levels = new ArrayList<>();
        for (int level : config.levels()) {
            boolean diagnose = level == top;
            Measurement.Measured plain =
                    runs(harness, "run", RunClients.PLAIN_PROMPT, "Bench runs", level, runStates, null, diagnose);
            Measurement.Measured withTool = runs(
                    harness,
                    "tool-run",
                    RunClients.TOOL_PROMPT,
                    "Bench tool runs",
                    level,
                    toolRunStates,
                    runToolStatuses,
                    diagnose);
            Measurement.Measured manyTools = runs(
                    harness,
                    "many-tool-run",
                    RunClients.toolPrompt(config.runCalls()),
                    "Bench many-tool runs",
                    level,
                    toolRunStates,
                    runToolStatuses,
                    diagnose);
            Measurement.Measured directCalls = measure(
                    harness,
                    "direct-calls-" + level,
                    "direct-call",
                    level,
                    stream -> i -> new RunClients.DirectCallClient(
                            harness.node().http(), "direct-call", direct.get(i), directStatuses, stream),
                    directStatuses,
                    Endings.CALL_ENDS,
                    // All four profiled at the top level: the overhead is read as the difference between them.
                    diagnose);
            RunOverhead overhead = new RunOverhead(plain.perSecond(), withTool.perSecond(), directCalls.perSecond(), 1);
            RunOverhead.PerCall perCall = new RunOverhead.PerCall(
                    withTool.perSecond(), manyTools.perSecond(), config.runCalls(), directCalls.perSecond());
            RunCpu plainCpu = RunCpu.of(plain);
            RunCpu toolCpu = RunCpu.of(withTool);
            RunCpu manyCpu = RunCpu.of(manyTools);
            RunCpu directCpu = RunCpu.of(directCalls);
            Bench.log(String.format(
                    Locale.ROOT,
                    "  overhead per tool call at %d clients: %.1f %% per call in a run (%d-call run against 1-call"
                            + " run), %.1f %% with its model-call step (marginal), %.1f %% (whole run); on node CPU"
                            + " %.1f %% and %.1f %% (node ms per run %.1f, tool-run %.1f, %d-call run %.1f, direct"
                            + " call %.1f incl. sandbox)",
                    level,
                    perCall.overheadPercent(),
                    config.runCalls(),
                    overhead.marginalOverheadPercent(),
                    overhead.wholeRunOverheadPercent(),
                    RunCpu.marginalPercent(toolCpu, manyCpu, directCpu, config.runCalls() - 1),
                    RunCpu.marginalPercent(plainCpu, toolCpu, directCpu, 1),
                    plainCpu.nodeAndSandboxMs(),
                    toolCpu.nodeAndSandboxMs(),
                    config.runCalls(),
                    manyCpu.nodeAndSandboxMs(),
                    directCpu.nodeAndSandboxMs()));
            levels.add(new Report.RunLevel(level, plain, withTool, manyTools, directCalls, overhead, perCall));
        }
        check(report, "runs without tools", runStates);
        check(report, "runs with a tool call", toolRunStates);
        // The comparison holds only if a run's call ended as the direct call did (both run, or both blocked).
        if (!runToolStatuses.counts().keySet().equals(directStatuses.counts().keySet())) {
            report.problem("runs: the runs' tool calls ended " + ToolCallsPhase.statusSummary(runToolStatuses)
                    + " but the direct calls " + ToolCallsPhase.statusSummary(directStatuses)
                    + "; the overhead compares different work");
        }
        report.runs = new Report.RunsResult(
                levels, config.runCalls(), config.runWaitStream(), runToolStatuses, directStatuses);
    }

    /**
     * Agent runs of {@code prompt} from {@code clients} clients, as phase {@code <op>s-<clients>}; {@code toolStatuses}
     * counts how the runs' tool calls ended, if they make any.
     */
    private static Measurement.Measured runs(
            Harness harness,
            String op,
            String prompt,
            String title,
            int clients,
            Clients.Statuses states,
            Clients.Statuses toolStatuses,
            boolean diagnose)
            throws InterruptedException {
        return measure(
                harness,
                op + "s-" + clients,
                op,
                clients,
                stream -> i -> new RunClients.RunClient(
                        harness.node().http(),
                        op,
                        prompt,
                        title + " " + clients + "/" + i,
                        states,
                        toolStatuses,
                        stream),
                states,
                Endings.RUN_ENDS,
                diagnose);
    }

    private static Measurement.Measured measure(
            Harness harness,
            String phase,
            String op,
            int clients,
            Function<Endings, IntFunction<ClosedLoop.Client>> factory,
            Clients.Statuses statuses,
            List<String> endingTypes,
            boolean diagnose)
            throws InterruptedException {
        Config config = harness.config();
        // One stream for all clients of the measurement, opened before they start and closed after the window.
        Endings stream = config.runWaitStream() ? Endings.open(harness.node().http().base(), endingTypes) : null;

        Bench.log(String.format(
                Locale.ROOT,
                "runs: %d client(s), %s, %d s warm-up + %d s measured",
                clients,
                op,
                config.warmup().toSeconds(),
                config.duration().toSeconds()));
        Measurement.Measured measured;
        try {
            measured = harness.measurement()
                    .run(
                            phase,
                            op,
                            clients,
                            factory.apply(stream),
                            config.warmup(),
                            config.duration(),
                            statuses,
                            diagnose);
        } finally {
            if (stream != null) {
                stream.close();
            }
        }
        harness.report().countErrors(measured);
        Recorder.Stats stats = measured.stats();
        Bench.log(String.format(
                Locale.ROOT,
                "  %.1f %s/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %.1f reads each, errors %s, ends %s",
                measured.perSecond(),
                op,
                stats.p50(),
                stats.p99(),
                stats.max(),
                pollsPerOperation(measured),
                measured.outcome().measured().errorSummary(Recorder.ALL),
                ToolCallsPhase.statusSummary(statuses)));
        return measured;
    }

    /** Reads of the run or call in flight (polls, or the one read after its ending) per finished operation. */
    static double pollsPerOperation(Measurement.Measured measured) {
        Recorder recorder = measured.outcome().measured();
        long operations = recorder.total(measured.op());
        return operations == 0 ? Double.NaN : (double) (recorder.total("poll") + recorder.total("read")) / operations;
    }

    private static void check(Report report, String what, Clients.Statuses states) {
        if (states.wrong() > 0) {
            report.problem("runs: " + states.wrong() + " of " + states.checked() + " " + what + " ended other than `"
                    + states.expected() + "` (" + ToolCallsPhase.statusSummary(states) + ")");
        }
    }
}

package dev.orchwiz.bench;

import static dev.orchwiz.bench.Markdown.fmt;
import static dev.orchwiz.bench.Markdown.verdict;

/** The runs phase's rows in the report's summary and its numbered section. */
final class RunsSection {

    /** Issue 12's target: the harness's cost per tool call in a run under a tenth of the call's. */
    static final double TARGET_OVERHEAD_PERCENT = 10;

    private final Config config;
    private final Report.RunsResult runs;
    private final Report.ToolCallResult toolCalls;

    RunsSection(Config config, Report.RunsResult runs, Report.ToolCallResult toolCalls) {
        this.config = config;
        this.runs = runs;
        this.toolCalls = toolCalls;
    }

    void summaryRows(Markdown r) {
        Report.RunLevel top = runs.levels().get(runs.levels().size() - 1);
        r.row(
                "runs/s at " + top.clients() + " clients (local runtime, no tool)",
                fmt(top.plain().perSecond(), 1) + " (p50 "
                        + fmt(top.plain().stats().p50(), 1) + " / p99 "
                        + fmt(top.plain().stats().p99(), 1) + " ms)",
                "–",
                "–",
                "–");
        double perCall = top.perCall().overheadPercent();
        r.row(
                "harness overhead per tool call at " + top.clients() + " clients (per call in a run: "
                        + runs.manyCalls() + "-call run against 1-call run, against a direct call)",
                fmt(perCall, 1) + " %",
                "< 10 %",
                "–",
                verdict(perCall < TARGET_OVERHEAD_PERCENT));
        r.row(
                "the same on node CPU per operation (JVM + sandbox)",
                fmt(perCallOnCpu(top), 1) + " %",
                "(beside the above)",
                "–",
                "–");
        r.row(
                "a tool call with its model-call step at " + top.clients() + " clients (marginal; whole run)",
                fmt(top.overhead().marginalOverheadPercent(), 1) + " % ("
                        + fmt(top.overhead().wholeRunOverheadPercent(), 1) + " %)",
                "(the runtime's step included)",
                "–",
                "–");
    }

    void section(Markdown r) {
        r.line("## 6. Agent runs (local runtime) and their overhead per tool call");
        r.line();
        r.line("The user first adds the rule `" + RunClients.ALLOW_RULE + "` → allow (scope user). At each level,"
                + " closed-loop clients, each in its own `auto_accept` session on the `" + RunClients.RUNTIME
                + "` runtime (the node's deterministic stand-in for a model, which answers at once), "
                + config.warmup().toSeconds() + " s warm-up then "
                + config.duration().toSeconds()
                + " s measured, one after the other: **run** posts `POST /api/sessions/{id}/prompt"
                + " {\"text\":\"" + RunClients.PLAIN_PROMPT + "\"}` (one model call, no tool); **tool-run** posts `"
                + RunClients.TOOL_PROMPT + "`, which the runtime turns into one `Bash` call through the control plane"
                + " (span, events, redaction), then a second model call reads its result; **many-tool-run** posts "
                + runs.manyCalls() + " such lines, " + runs.manyCalls() + " calls in one step, and the same two model"
                + " calls; **direct-call** asks for the same call without a run, `POST /api/tool-calls"
                + " {\"tool\":\"Bash\",\"input\":{\"command\":\"" + RunClients.TOOL_COMMAND + "\"},\"sessionId\":…}`."
                + " Each is timed from sending the request to the moment the client knows it finished: "
                + (runs.waitedOnStream()
                        ? "its ending event (`run.completed`, or the call's final event) on one `GET"
                                + " /api/events/stream` per measurement, then one read of it at that version (`GET"
                                + " /api/runs/{id}` or `GET /api/tool-calls/{id}` with `minVersion`) for its final"
                                + " state and its calls' statuses, so every operation costs the node the same one"
                                + " read however long it lasts"
                        : "the first read of `GET /api/runs/{id}` with state `completed`, or of `GET"
                                + " /api/tool-calls/{id}` with a final status, read every "
                                + RunClients.POLL_INTERVAL.toMillis() + " ms (`--run-wait poll`: a latency includes up"
                                + " to one interval and one read, and a longer operation is read more often)")
                + ". A run client moves to a fresh session every " + RunClients.RUNS_PER_SESSION + " runs, since each"
                + " model call reads the session's whole transcript.");
        r.line();
        r.table(
                "clients",
                "measurement",
                "per s",
                "p50 ms",
                "p90 ms",
                "p99 ms",
                "max ms",
                "reads each",
                "finished",
                "errors");
        for (Report.RunLevel level : runs.levels()) {
            row(r, level.clients(), "run (`" + RunClients.PLAIN_PROMPT + "`)", level.plain());
            row(r, level.clients(), "tool-run (`" + RunClients.TOOL_PROMPT + "`, 1 call)", level.withTool());
            row(r, level.clients(), "many-tool-run (" + runs.manyCalls() + " calls in one step)", level.manyTools());
            row(r, level.clients(), "direct-call (`Bash` `" + RunClients.TOOL_COMMAND + "`)", level.direct());
        }
        r.line();
        r.line("**Harness overhead per tool call** (the target, issue 12: under " + fmt(TARGET_OVERHEAD_PERCENT, 0)
                + " %). *Per call in a run*: the node's time per further call within a run, (1/many-tool-runs/s −"
                + " 1/tool-runs/s) ÷ " + (runs.manyCalls() - 1) + ", against the direct call's, 1/direct-calls/s."
                + " Both runs make the same two model calls, so the difference is the calls themselves with what the"
                + " observability harness adds to each: the call's span and run events, its result settled into the"
                + " run, redaction. The same on CPU per operation is in the CPU table below.");
        r.line();
        r.table(
                "clients",
                "ms per call in a run",
                "ms per direct call",
                "overhead per call in a run",
                "on node CPU (JVM + sandbox)",
                "target < 10 %");
        for (Report.RunLevel level : runs.levels()) {
            RunOverhead.PerCall perCall = level.perCall();
            r.row(
                    Integer.toString(level.clients()),
                    fmt(perCall.secondsPerCall() * 1000, 2),
                    fmt(1000 / level.direct().perSecond(), 2),
                    fmt(perCall.overheadPercent(), 1) + " %",
                    fmt(perCallOnCpu(level), 1) + " %",
                    verdict(perCall.overheadPercent() < TARGET_OVERHEAD_PERCENT));
        }
        r.line();
        r.line("**A tool call with its model-call step.** *Marginal*: the node's time per call through a run beyond a"
                + " plain run, (1/tool-runs/s − 1/runs/s), against the direct call's: the call, what the harness"
                + " adds, and the second model call that reads the result (a runtime's step, which a model that"
                + " answers at once makes as cheap as it gets, but not free: its record, events and commit). *Whole"
                + " run*: calls/s through runs against direct calls/s, the prompt, the run's start and its first"
                + " model call charged to the call too. *Latency*: (tool-run p50 − run p50) against the direct"
                + " call's p50.");
        r.line();
        r.table(
                "clients",
                "calls/s through runs",
                "direct calls/s",
                "ms per call in runs (marginal)",
                "ms per direct call",
                "overhead, marginal",
                "overhead, whole run",
                "p50 added per call / direct p50",
                "latency overhead");
        for (Report.RunLevel level : runs.levels()) {
            RunOverhead overhead = level.overhead();
            double addedP50 =
                    level.withTool().stats().p50() - level.plain().stats().p50();
            double directP50 = level.direct().stats().p50();
            r.row(
                    Integer.toString(level.clients()),
                    fmt(overhead.callsPerSecondThroughRuns(), 1),
                    fmt(level.direct().perSecond(), 1),
                    fmt(overhead.marginalSecondsPerCall() * 1000, 2),
                    fmt(overhead.directSecondsPerCall() * 1000, 2),
                    fmt(overhead.marginalOverheadPercent(), 1) + " %",
                    fmt(overhead.wholeRunOverheadPercent(), 1) + " %",
                    fmt(addedP50, 1) + " / " + fmt(directP50, 1) + " ms",
                    fmt(RunOverhead.percentOver(addedP50, directP50), 1) + " %");
        }
        r.line();
        r.line("**CPU per operation** (from `/proc`, over the same windows): the node's JVM, its sandboxed processes"
                + " (the node's reaped children: setsid, bwrap and the command; counted under \"other\" below), and"
                + " its PostgreSQL backends, each divided by the operations finished. Throughput on a shared machine"
                + " measures the other processes too; CPU per operation does not. The overheads on CPU have the"
                + " throughput figures' shapes: per call in a run, (ms per many-tool-run − ms per tool-run) ÷ "
                + (runs.manyCalls() - 1) + " ÷ ms per direct call − 1; with the model-call step, (ms per tool-run −"
                + " ms per run) ÷ ms per direct call − 1. They include what the clients' reads cost"
                + (runs.waitedOnStream() ? " (one per operation)." : " (a longer operation is read more often)."));
        r.line();
        r.table(
                "clients",
                "node ms per run / tool-run / many-tool-run / direct call",
                "sandbox ms, same",
                "PostgreSQL ms, same",
                "per call in a run on node CPU (JVM + sandbox); with PostgreSQL",
                "with the model-call step on node CPU; with PostgreSQL");
        for (Report.RunLevel level : runs.levels()) {
            RunCpu plain = RunCpu.of(level.plain());
            RunCpu withTool = RunCpu.of(level.withTool());
            RunCpu many = RunCpu.of(level.manyTools());
            RunCpu direct = RunCpu.of(level.direct());
            int further = runs.manyCalls() - 1;
            r.row(
                    Integer.toString(level.clients()),
                    fmt(plain.nodeMs(), 1) + " / " + fmt(withTool.nodeMs(), 1) + " / " + fmt(many.nodeMs(), 1) + " / "
                            + fmt(direct.nodeMs(), 1),
                    fmt(plain.sandboxMs(), 1) + " / " + fmt(withTool.sandboxMs(), 1) + " / " + fmt(many.sandboxMs(), 1)
                            + " / " + fmt(direct.sandboxMs(), 1),
                    fmt(plain.postgresMs(), 1) + " / " + fmt(withTool.postgresMs(), 1) + " / "
                            + fmt(many.postgresMs(), 1) + " / " + fmt(direct.postgresMs(), 1),
                    fmt(RunCpu.marginalPercent(withTool, many, direct, further), 1) + " %; "
                            + fmt(RunCpu.marginalWithDatabasePercent(withTool, many, direct, further), 1) + " %",
                    fmt(RunCpu.marginalPercent(plain, withTool, direct, 1), 1) + " %; "
                            + fmt(RunCpu.marginalWithDatabasePercent(plain, withTool, direct, 1), 1) + " %");
        }
        r.line();
        r.line("How the calls ended (warm-up included; they must end alike for the comparison to hold): runs' calls "
                + ToolCallsPhase.statusSummary(runs.runToolStatuses()) + "; direct calls "
                + ToolCallsPhase.statusSummary(runs.directStatuses()) + ". `completed` means the node ran `"
                + RunClients.TOOL_COMMAND + "` in its sandbox; `blocked` that local execution is off on this node.");
        r.line();
        if (toolCalls != null) {
            r.line("Against the tool-call phase (section 5) on the same node in the same sitting: its calls are `Read`"
                    + " calls, which the node decides but does not run, and it times them to the 202 that answers at"
                    + " `approved`, while the calls above are run in the sandbox and timed to their final status.");
            r.line();
            r.table("clients", "tool-call phase `Read` calls/s (p50 / p99 ms)", "calls/s through runs (p50 / p99 ms)");
            for (Measurement.Measured decision : toolCalls.decisions()) {
                Report.RunLevel same = runs.levels().stream()
                        .filter(level -> level.clients() == decision.clients())
                        .findFirst()
                        .orElse(null);
                r.row(
                        Integer.toString(decision.clients()),
                        fmt(decision.perSecond(), 1) + " ("
                                + fmt(decision.stats().p50(), 1) + " / "
                                + fmt(decision.stats().p99(), 1) + ")",
                        same == null
                                ? "(level not run)"
                                : fmt(same.overhead().callsPerSecondThroughRuns(), 1) + " ("
                                        + fmt(same.withTool().stats().p50(), 1) + " / "
                                        + fmt(same.withTool().stats().p99(), 1) + ")");
            }
            r.line();
        }
        PhaseSections.resources(
                r, runs.measurements().stream().map(Measurement.Measured::probe).toList());
    }

    /** Per call in a run on the node's own CPU (JVM + sandbox). */
    private double perCallOnCpu(Report.RunLevel level) {
        return RunCpu.marginalPercent(
                RunCpu.of(level.withTool()),
                RunCpu.of(level.manyTools()),
                RunCpu.of(level.direct()),
                runs.manyCalls() - 1);
    }

    private static void row(Markdown r, int clients, String what, Measurement.Measured measured) {
        Recorder.Stats stats = measured.stats();
        Recorder recorder = measured.outcome().measured();
        r.row(
                Integer.toString(clients),
                what,
                fmt(measured.perSecond(), 1),
                fmt(stats.p50(), 1),
                fmt(stats.p90(), 1),
                fmt(stats.p99(), 1),
                fmt(stats.max(), 1),
                fmt(RunsPhase.pollsPerOperation(measured), 1),
                Long.toString(measured.answered()),
                recorder.errorSummary(Recorder.ALL));
    }
}

package dev.orchwiz.bench;

import static dev.orchwiz.bench.Markdown.fmt;
import static dev.orchwiz.bench.Markdown.verdict;
import static dev.orchwiz.bench.ReportWriter.TARGET_COMMANDS_PER_SECOND;
import static dev.orchwiz.bench.ReportWriter.TARGET_COMMAND_P99_MS;

/** The control plane's rows in the report's summary and its numbered section. */
final class ToolCallSection {

    private final Config config;
    private final Report.ToolCallResult toolCalls;

    ToolCallSection(Config config, Report.ToolCallResult toolCalls) {
        this.config = config;
        this.toolCalls = toolCalls;
    }

    /** The control plane's figures in the summary, against the command targets (it has none of its own yet). */
    void summaryRows(Markdown r) {
        Measurement.Measured top =
                toolCalls.decisions().get(toolCalls.decisions().size() - 1);
        r.row(
                "tool-call decisions/s at " + top.clients() + " clients (allowed `Read`, auto_accept)",
                fmt(top.perSecond(), 0),
                "≥ 1,000 (command target)",
                "–",
                verdict(top.perSecond() >= TARGET_COMMANDS_PER_SECOND));
        r.row(
                "tool-call decision p99 at " + top.clients() + " clients",
                fmt(top.stats().p99(), 1) + " ms (p50 " + fmt(top.stats().p50(), 1) + ")",
                "< 100 ms (command target)",
                "–",
                verdict(top.stats().p99() < TARGET_COMMAND_P99_MS));
        r.row(
                "approvals inbox lists/s (size=20, " + toolCalls.inbox().clients() + " clients, " + toolCalls.pending()
                        + " pending)",
                fmt(toolCalls.inbox().perSecond(), 0) + " (p99 "
                        + fmt(toolCalls.inbox().stats().p99(), 1) + " ms)",
                "–",
                "–",
                "–");
        r.row(
                "executions lists/s (size=20, " + toolCalls.executions().clients() + " clients, " + toolCalls.calls()
                        + " calls)",
                fmt(toolCalls.executions().perSecond(), 0) + " (p99 "
                        + fmt(toolCalls.executions().stats().p99(), 1) + " ms)",
                "–",
                "–",
                "–");
        Measurement.Measured approvals = toolCalls.approvals();
        r.row(
                "approval decisions/s (" + approvals.clients() + " clients)",
                fmt(approvals.perSecond(), 0) + " (p99 " + fmt(approvals.stats().p99(), 1) + " ms)",
                "≥ 1,000, p99 < 100 ms (command targets)",
                "–",
                verdict(approvals.perSecond() >= TARGET_COMMANDS_PER_SECOND
                        && approvals.stats().p99() < TARGET_COMMAND_P99_MS));
        long checked = 0;
        long wrong = 0;
        for (Measurement.Measured measured : toolCalls.measurements()) {
            if (measured.statuses() != null) {
                checked += measured.statuses().checked();
                wrong += measured.statuses().wrong();
            }
        }
        r.row("tool-call answers with an unexpected status", wrong + " of " + checked, "0", "–", verdict(wrong == 0));
    }

    void section(Markdown r) {
        r.line("## 5. Tool calls and approvals (agent control plane)");
        r.line();
        r.line("The user first adds the rule `" + Clients.ALLOW_RULE + "` → allow (scope user). **Runtimes:** at each"
                + " level, closed-loop clients, each in its own `auto_accept` session, send `POST /api/tool-calls`"
                + " `{\"tool\":\"Read\",\"input\":{\"file_path\":\"" + Clients.TOOL_CALL_FILE
                + "\",\"cwd\":\"" + Clients.WORKING_DIRECTORY + "\"},\"sessionId\":…}` (the node anchors the"
                + " relative rule and path at `cwd`; without it the rule cannot match and every call asks), "
                + config.warmup().toSeconds() + " s warm-up then "
                + config.duration().toSeconds() + " s measured. The rule allows the call, so it ends at `approved`"
                + " (its runtime executes it; nothing runs on the node); the node answers 202 once its read model shows"
                + " the decision, so the latency includes the way to the read model. **Inbox:** "
                + ToolCallsPhase.PENDING_FILL_CLIENTS + " runtimes in `plan` sessions ask for " + config.pendingCalls()
                + " calls, which wait at `awaiting_approval`; then " + config.listClients() + " clients read `GET"
                + " /api/approvals?size=20` (pending, soonest expiry first), then `GET /api/executions?size=20`"
                + " (every call, newest first), each with the same warm-up and window. **People:** "
                + config.approverClients() + " clients approve the pending calls with `POST /api/approvals/{id}`"
                + " `{\"decision\":\"approve\",\"inputHash\":…}` (the hash from the call's answer) until none is"
                + " left: the first " + toolCalls.warmupDecisions() + " warm up and are excluded, and the window"
                + " ends when the last call was decided (at most "
                + config.duration().toSeconds() + " s). No"
                + " target is set for the control plane yet; the writes are shown against the command targets.");
        r.line();
        r.table(
                "measurement",
                "clients",
                "per s",
                "p50 ms",
                "p90 ms",
                "p99 ms",
                "max ms",
                "requests",
                "errors",
                "target (command)");
        for (Measurement.Measured decision : toolCalls.decisions()) {
            measurementRow(r, "`POST /api/tool-calls`, allowed (auto_accept)", decision, true);
        }
        measurementRow(r, "`POST /api/tool-calls`, asks (plan): filling the inbox", toolCalls.fill(), false);
        measurementRow(
                r, "`GET /api/approvals?size=20`, " + toolCalls.pending() + " pending", toolCalls.inbox(), false);
        measurementRow(
                r, "`GET /api/executions?size=20`, " + toolCalls.calls() + " calls", toolCalls.executions(), false);
        measurementRow(r, "`POST /api/approvals/{id}` approve", toolCalls.approvals(), true);
        r.line();
        r.line("The `status` of every 2xx answer (warm-up included):");
        r.line();
        r.table("answers", "expected", "checked", "seen", "verdict");
        for (Measurement.Measured decision : toolCalls.decisions()) {
            statusRow(r, "tool calls at " + decision.clients() + " clients", decision.statuses());
        }
        statusRow(r, "calls filling the inbox", toolCalls.fill().statuses());
        statusRow(r, "approvals (warm-up included)", toolCalls.approvals().statuses());
        r.line();
        r.line("Decided " + (toolCalls.pending() - toolCalls.leftPending()) + " of the " + toolCalls.pending()
                + " pending calls; " + toolCalls.leftPending() + " left undecided (they expire after 15 minutes);"
                + " the inbox then listed " + toolCalls.listedAfter() + " pending"
                + (toolCalls.listedAfter() == toolCalls.leftPending()
                        ? " (as expected)."
                        : " (EXPECTED " + toolCalls.leftPending() + ")."));
        r.line();
        PhaseSections.resources(
                r,
                toolCalls.measurements().stream()
                        .map(Measurement.Measured::probe)
                        .toList());
    }

    private static void measurementRow(Markdown r, String what, Measurement.Measured measured, boolean write) {
        Recorder.Stats stats = measured.stats();
        String target = "–";
        if (write) {
            boolean met = measured.perSecond() >= TARGET_COMMANDS_PER_SECOND && stats.p99() < TARGET_COMMAND_P99_MS;
            target = "≥ 1,000/s, p99 < 100 ms: " + verdict(met);
        }
        r.row(
                what,
                Integer.toString(measured.clients()),
                fmt(measured.perSecond(), 0),
                fmt(stats.p50(), 1),
                fmt(stats.p90(), 1),
                fmt(stats.p99(), 1),
                fmt(stats.max(), 1),
                Long.toString(measured.outcome().measured().total(measured.op())),
                measured.outcome().measured().errorSummary(measured.op()),
                target);
    }

    private static void statusRow(Markdown r, String what, Clients.Statuses statuses) {
        r.row(
                what,
                "`" + statuses.expected() + "`",
                Long.toString(statuses.checked()),
                ToolCallsPhase.statusSummary(statuses),
                statuses.wrong() == 0 ? "all as expected" : "**" + statuses.wrong() + " WRONG**");
    }
}

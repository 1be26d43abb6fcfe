package dev.orchwiz.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Tool calls, approvals and runs (the agent control plane): decisions, the inbox, the lists and the approvals. */
final class ToolCallsPhase implements Phase {

    /** Runtimes that fill the approvals inbox, each in its own plan session. */
    static final int PENDING_FILL_CLIENTS = 8;

    @Override
    public void run(Harness harness) throws Exception {
        Http http = harness.node().http();
        Recorder setup = new Recorder();
        Report report = harness.report();
        // What a user does before letting runtimes work unattended: allow them to read the sources.
        Http.Result rule =
                http.post("/api/permissions", Map.of("rule", Clients.ALLOW_RULE, "outcome", "allow", "scope", "user"));
        setup.record("add rule", rule);
        if (!rule.ok()) {
            report.countErrors("tool calls: set-up", setup);
            report.problem("tool calls: POST /api/permissions answered " + rule.outcome() + " " + rule.text()
                    + "; the phase did not run");
            return;
        }
        try {
            measure(harness, http, setup);
        } finally {
            // An attached node keeps its users' rules: remove the one the benchmark added.
            setup.record(
                    "delete rule",
                    http.delete("/api/permissions/" + rule.json().path("id").asText()));
            report.countErrors("tool calls: set-up (rule, sessions)", setup);
        }
    }

    private static void measure(Harness harness, Http http, Recorder setup) throws Exception {
        Config config = harness.config();
        NodeUnderTest node = harness.node();
        Measurement measurement = harness.measurement();
        Report report = harness.report();
        int top = Measurement.top(config.toolCallClients());
        List<String> autoAccept = sessionsInMode(http, setup, top, "auto_accept");
        List<String> plan = sessionsInMode(http, setup, PENDING_FILL_CLIENTS, "plan");
        if (autoAccept == null || plan == null) {
            report.problem("tool calls: the sessions for the runtimes could not be created; the phase did not run");
            return;
        }

        List<Measurement.Measured> decisions = new ArrayList<>();
        for (int level : config.toolCallClients()) {
            Bench.log(String.format(
                    Locale.ROOT,
                    "tool calls: %d runtime(s) asking for allowed calls, %d s warm-up + %d s measured",
                    level,
                    config.warmup().toSeconds(),
                    config.duration().toSeconds()));
            Http load = node.http();
            Clients.Statuses statuses = new Clients.Statuses("approved");
            Measurement.Measured measured = measurement.run(
                    "toolcalls-" + level,
                    "tool-call",
                    level,
                    i -> new Clients.ToolCallClient(load, autoAccept.get(i), statuses),
                    config.warmup(),
                    config.duration(),
                    statuses,
                    level == top);
            report.countErrors(measured);
            decisions.add(measured);
            checkStatuses(report, "tool calls at " + level + " clients", measured);
            logMeasured("calls/s", measured);
        }

        Bench.log("tool calls: " + PENDING_FILL_CLIENTS + " runtimes in plan sessions ask for " + config.pendingCalls()
                + " calls that wait for approval");
        Queue<Clients.Pending> pending = new ConcurrentLinkedQueue<>();
        AtomicLong asked = new AtomicLong();
        Http fillHttp = node.http();
        Clients.Statuses waiting = new Clients.Statuses("awaiting_approval");
        Measurement.Measured fill = measurement.run(
                "pending-fill",
                "pending-call",
                PENDING_FILL_CLIENTS,
                i -> new Clients.PendingCallClient(
                        fillHttp, plan.get(i), waiting, asked, config.pendingCalls(), pending),
                Duration.ZERO,
                config.seedTimeout(),
                waiting,
                false);
        report.countErrors(fill);
        checkStatuses(report, "calls asked for in plan sessions", fill);
        logMeasured("calls/s", fill);
        // Admins see every call, as the harness's user is: the same totals the lists count.
        long calls = NodeUnderTest.totalItems(http, "/api/executions?size=1");
        long pendingNow = NodeUnderTest.totalItems(http, "/api/approvals?size=1");

        Bench.log("tool calls: " + config.listClients() + " clients read GET /api/approvals?size=20 (" + pendingNow
                + " pending of " + calls + " calls)");
        Measurement.Measured inbox = measureList(harness, "approvals-inbox", "approvals", "/api/approvals?size=20");
        Bench.log("tool calls: " + config.listClients() + " clients read GET /api/executions?size=20");
        Measurement.Measured executions =
                measureList(harness, "executions-list", "executions", "/api/executions?size=20");

        // The pool of pending calls is finite, so the warm-up is a count: the first tenth, in a run of its own.
        int warmupDecisions = Math.max(1, pending.size() / 10);
        Queue<Clients.Pending> warmupPool = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < warmupDecisions && !pending.isEmpty(); i++) {
            warmupPool.add(pending.poll());
        }
        Bench.log("tool calls: " + config.approverClients() + " clients approve " + warmupDecisions
                + " calls (warm-up), then " + pending.size());
        Http approveHttp = node.http();
        Clients.Statuses approved = new Clients.Statuses("approved");
        Measurement.Measured warmup = measurement.run(
                "approvals-warmup",
                "decide",
                config.approverClients(),
                i -> new Clients.ApproverClient(approveHttp, warmupPool, approved),
                Duration.ZERO,
                config.duration(),
                approved,
                false);
        report.countErrors(warmup);
        report.countErrors("approval decisions (warm-up)", warmup.outcome().measured());
        Measurement.Measured approvals = measurement.run(
                "approvals",
                "decide",
                config.approverClients(),
                i -> new Clients.ApproverClient(approveHttp, pending, approved),
                Duration.ZERO,
                config.duration(),
                approved,
                false);
        report.countErrors(approvals);
        checkStatuses(report, "approval decisions", approvals);
        logMeasured("decisions/s", approvals);
        long leftPending = pendingNow - warmup.answered() - approvals.answered();
        long listedAfter = NodeUnderTest.totalItems(http, "/api/approvals?size=1");
        // Each decision answered once the read model showed it, so the inbox must already count the rest exactly.
        if (config.startsNode() && listedAfter != leftPending) {
            report.problem("after the approvals the inbox lists " + listedAfter + " pending calls, but " + leftPending
                    + " were left undecided");
        }
        report.toolCalls = new Report.ToolCallResult(
                decisions,
                fill,
                calls,
                pendingNow,
                inbox,
                executions,
                warmupDecisions,
                approvals,
                leftPending,
                listedAfter);
    }

    /** {@code --list-clients} readers of one page, with the phase's warm-up and window. */
    private static Measurement.Measured measureList(Harness harness, String phase, String op, String path)
            throws InterruptedException {
        Config config = harness.config();
        Http readHttp = harness.node().http();
        Measurement.Measured measured = harness.measurement()
                .run(
                        phase,
                        op,
                        config.listClients(),
                        i -> new Clients.ReadClient(readHttp, op, path),
                        config.warmup(),
                        config.duration(),
                        null,
                        false);
        harness.report().countErrors(measured);
        logMeasured("lists/s", measured);
        return measured;
    }

    /** {@code count} sessions in {@code mode}, visible in the read model; null when any could not be created. */
    private static List<String> sessionsInMode(Http http, Recorder setup, int count, String mode) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = Clients.sessionInMode(http, setup, "Bench runtime " + i + " (" + mode + ")", mode);
            if (id == null) {
                return null;
            }
            ids.add(id);
        }
        return ids;
    }

    private static void checkStatuses(Report report, String what, Measurement.Measured measured) {
        Clients.Statuses statuses = measured.statuses();
        if (statuses.wrong() > 0) {
            report.problem(what + ": " + statuses.wrong() + " of " + statuses.checked() + " answers were not `"
                    + statuses.expected() + "` (" + statusSummary(statuses) + ")");
        }
    }

    /** The statuses seen, as {@code status×count, …}. */
    static String statusSummary(Clients.Statuses statuses) {
        StringBuilder text = new StringBuilder();
        statuses.counts().forEach((status, n) -> text.append(text.length() == 0 ? "" : ", ")
                .append(status)
                .append("×")
                .append(n));
        return text.length() == 0 ? "none" : text.toString();
    }

    private static void logMeasured(String unit, Measurement.Measured measured) {
        Recorder.Stats stats = measured.stats();
        Bench.log(String.format(
                Locale.ROOT,
                "  %.0f %s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %s%s",
                measured.perSecond(),
                unit,
                stats.p50(),
                stats.p99(),
                stats.max(),
                measured.outcome().measured().errorSummary(measured.op()),
                measured.statuses() == null ? "" : ", statuses " + statusSummary(measured.statuses())));
    }
}

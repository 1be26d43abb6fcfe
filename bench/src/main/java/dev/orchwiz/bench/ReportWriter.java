package dev.orchwiz.bench;

import static dev.orchwiz.bench.Markdown.fmt;
import static dev.orchwiz.bench.Markdown.joined;
import static dev.orchwiz.bench.Markdown.mb;
import static dev.orchwiz.bench.Markdown.verdict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Writes a run's {@link Report} as markdown: the machine, the summary against the targets, then each section. */
record ReportWriter(Config config, NodeUnderTest node, Diagnostics diagnostics, Report report) {

    // Targets and the original app's figures, printed beside the measurements.
    static final double TARGET_COMMANDS_PER_SECOND = 1_000;
    static final double TARGET_COMMAND_P99_MS = 100;
    static final double TARGET_LAG_P99_MS = 250;
    static final double TARGET_REBUILD_EVENTS_PER_SECOND = 20_000;

    String write(Instant started, Instant finished) throws Exception {
        Markdown r = new Markdown();
        r.line("# OrchWiz benchmark report");
        r.line();
        r.line("Run " + started.truncatedTo(ChronoUnit.SECONDS) + " → " + finished.truncatedTo(ChronoUnit.SECONDS)
                + " (" + Duration.between(started, finished).toSeconds() + " s).");
        r.line();
        List<String> problems = report.problems();
        if (problems.isEmpty()) {
            r.line(
                    "**Errors: none.** Every request of every measured phase answered 2xx and the rebuild check passed.");
        } else {
            r.line("**THE RUN HAD ERRORS** (" + report.errorsTotal() + " failed requests in all):");
            r.line();
            problems.forEach(p -> r.line("- " + p));
        }
        r.line();
        machine(r);
        summary(r);
        PhaseSections sections = new PhaseSections(config, report);
        sections.commands(r);
        sections.lag(r);
        sections.list(r);
        sections.seedAndRebuild(r);
        if (report.toolCalls != null) {
            new ToolCallSection(config, report.toolCalls).section(r);
        }
        if (report.runs != null) {
            new RunsSection(config, report.runs, report.toolCalls).section(r);
        }
        if (!report.replication.isEmpty()) {
            report.replication.forEach(r::line);
            r.line();
        }
        if (!report.start.isEmpty()) {
            report.start.forEach(r::line);
            r.line();
        }
        memory(r);
        diagnostics(r);
        return r.toString();
    }

    private void machine(Markdown r) throws Exception {
        r.line("## Machine and settings");
        r.line();
        r.table("what", "value");
        r.row("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores visible");
        r.row("memory", fmt(memTotalMb() / 1024.0, 1) + " GiB");
        r.row("kernel", readFirst("/proc/sys/kernel/osrelease"));
        r.row(
                "Java",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + " (node and harness)");
        r.row(
                "PostgreSQL",
                node.hasDatabase() ? node.query("show server_version") + " on 127.0.0.1" : "(no database access)");
        if (config.startsNode()) {
            Path tested = node.targetDir().resolve("orchwiz-node-under-test.jar");
            r.row(
                    "node",
                    config.jar() + " (run from a copy), " + Files.size(tested) / 1_000_000 + " MB, sha256 "
                            + sha256(tested).substring(0, 12) + ", JVM options: "
                            + (config.nodeJvmArgs().isEmpty()
                                    ? "none (JVM defaults)"
                                    : String.join(" ", config.nodeJvmArgs())));
            r.row("database", node.databaseName() + " (created for this run, dropped afterwards)");
        } else {
            r.row("node", "attached to " + node.url());
        }
        r.row("load generator", "this harness, on the same machine (its CPU use is reported per phase)");
        r.row(
                "machine busy before the run",
                fmt(node.busyBefore(), 2) + " cores (other processes; see \"other\" per phase)");
        r.row(
                "settings",
                "levels " + joined(config.levels()) + ", warm-up "
                        + config.warmup().toSeconds() + " s, measured "
                        + config.duration().toSeconds() + " s per level, list clients " + config.listClients()
                        + ", lag samples " + config.lagSamples() + ", rebuild target " + config.rebuildEvents()
                        + " events, seed clients " + config.seedClients() + ", tool-call clients "
                        + joined(config.toolCallClients()) + ", pending calls " + config.pendingCalls()
                        + ", approver clients " + config.approverClients() + ", phases "
                        + String.join(",", config.phases()));
        r.line();
    }

    private void summary(Markdown r) {
        r.line("## Summary against the targets");
        r.line();
        r.table("figure", "measured", "target", "original app", "verdict");
        Measurement.Measured top = report.levels.isEmpty() ? null : report.levels.get(report.levels.size() - 1);
        if (top != null) {
            double throughput = top.outcome().throughput(Recorder.ALL);
            Recorder.Stats stats = top.outcome().measured().stats(Recorder.ALL);
            r.row(
                    "commands/s at " + top.clients() + " clients",
                    fmt(throughput, 0),
                    "≥ 1,000",
                    "~230 creates/s",
                    verdict(throughput >= TARGET_COMMANDS_PER_SECOND));
            r.row(
                    "command p99 at " + top.clients() + " clients",
                    fmt(stats.p99(), 1) + " ms",
                    "< 100 ms",
                    "280 ms",
                    verdict(stats.p99() < TARGET_COMMAND_P99_MS));
            r.row(
                    "creates/s at " + top.clients() + " clients (20 % of the mix)",
                    fmt(top.outcome().throughput("create"), 0),
                    "–",
                    "~230",
                    "–");
        }
        Report.LagResult lag = report.lag;
        if (lag != null) {
            r.row(
                    "write-to-read lag p99, idle node",
                    fmt(lag.idle().lag().p99(), 1) + " ms (p50 "
                            + fmt(lag.idle().lag().p50(), 1) + ")",
                    "< 250 ms",
                    "–",
                    verdict(lag.idle().lag().p99() < TARGET_LAG_P99_MS
                            && lag.idle().invisible() == 0));
            r.row(
                    "write-to-read lag p99, under " + fmt(lag.load().throughput(Recorder.ALL), 0) + " commands/s",
                    fmt(lag.loaded().lag().p99(), 1) + " ms (p50 "
                            + fmt(lag.loaded().lag().p50(), 1) + ")",
                    "< 250 ms",
                    "–",
                    verdict(lag.loaded().lag().p99() < TARGET_LAG_P99_MS
                            && lag.loaded().invisible() == 0));
        }
        for (Report.ListResult result : report.lists) {
            r.row(
                    "lists/s (size=20, " + config.listClients() + " clients, " + result.sessions() + " sessions)",
                    fmt(result.measured().perSecond(), 0) + " (p99 "
                            + fmt(result.measured().stats().p99(), 1) + " ms)",
                    "–",
                    "61/s at 1,000 rows",
                    "–");
        }
        Report.RebuildResult rebuild = report.rebuild;
        if (rebuild != null) {
            r.row(
                    "rebuild rate over " + fmt(rebuild.events(), 0) + " events",
                    fmt(rebuild.eventsPerSecond(), 0) + " events/s",
                    "≥ 20,000 events/s",
                    "–",
                    verdict(rebuild.finished() && rebuild.eventsPerSecond() >= TARGET_REBUILD_EVENTS_PER_SECOND));
            r.row(
                    "read model correct after rebuild",
                    rebuild.listedSessions() + " listed / " + rebuild.expectedSessions() + " created",
                    "equal",
                    "–",
                    verdict(rebuild.correct()));
        }
        NodeUnderTest.Memory memory = report.memoryAfterLoad;
        if (memory != null) {
            r.row(
                    "node RSS after load",
                    mb(memory.proc().get("VmRSS")) + " (peak "
                            + mb(memory.proc().get("VmHWM")) + ")",
                    "–",
                    "~900 MB",
                    "–");
            r.row(
                    "node heap used after load",
                    fmt(memory.heapUsedMb(), 0) + " MB of " + fmt(memory.heapCommittedMb(), 0) + " MB committed",
                    "–",
                    "–",
                    "–");
        }
        if (report.toolCalls != null) {
            new ToolCallSection(config, report.toolCalls).summaryRows(r);
        }
        if (report.runs != null) {
            new RunsSection(config, report.runs, report.toolCalls).summaryRows(r);
        }
        r.row(
                "failed requests",
                Long.toString(report.errorsTotal()),
                "0",
                "–",
                verdict(report.problems().isEmpty()));
        r.line();
        List<String> disturbed = new ArrayList<>();
        for (Probe.Result probe : report.allProbes()) {
            if (probe.usage().other() > PhaseSections.DISTURBED_CORES) {
                disturbed.add(probe.phase() + " (" + fmt(probe.usage().other(), 2) + " cores)");
            }
        }
        if (!disturbed.isEmpty()) {
            r.line("**Disturbed phases:** other processes on this machine used CPU during "
                    + String.join(", ", disturbed) + "; those figures are lower than the node alone would reach.");
            r.line();
        }
    }

    private void memory(Markdown r) {
        if (report.memoryAfterLoad == null) {
            return;
        }
        r.line("## 7. Memory of the node");
        r.line();
        r.line("RSS from `/proc/<pid>/status` (VmRSS; VmHWM is the peak), heap from `/actuator/metrics/jvm.memory.*`.");
        r.line();
        r.table("when", "RSS", "RSS peak", "heap used", "heap committed", "heap max", "non-heap used", "threads");
        if (report.memoryAfterRebuild != null) {
            memoryRow(r, "after the fill and the rebuild", report.memoryAfterRebuild);
        }
        memoryRow(r, "after all load (end of the run)", report.memoryAfterLoad);
        r.line();
    }

    private static void memoryRow(Markdown r, String when, NodeUnderTest.Memory memory) {
        r.row(
                when,
                mb(memory.proc().get("VmRSS")),
                mb(memory.proc().get("VmHWM")),
                fmt(memory.heapUsedMb(), 0) + " MB",
                fmt(memory.heapCommittedMb(), 0) + " MB",
                fmt(memory.heapMaxMb(), 0) + " MB",
                fmt(memory.nonHeapMb(), 0) + " MB",
                String.valueOf(memory.proc().getOrDefault("Threads", -1L)));
    }

    private void diagnostics(Markdown r) {
        Map<String, Map<String, Integer>> threadSummaries = diagnostics.threadSummaries();
        Map<String, Diagnostics.Profile> profiles = diagnostics.profiles();
        if (threadSummaries.isEmpty() && profiles.isEmpty()) {
            return;
        }
        r.line("## Diagnostics");
        r.line();
        r.line(
                "Taken during the top command level, the top tool-call level, the top level of each of the runs phase's three measurements and the rebuild; the raw files are in `"
                        + node.targetDir()
                        + "` (`threads-*.txt`, `node-*.jfr`, open the latter with JDK Mission Control or `jfr print`).");
        r.line();
        threadSummaries.forEach((phase, summary) -> {
            r.line("Thread dumps during **" + phase + "** ("
                    + diagnostics.dumpsOf(phase) + " dumps): the node's"
                    + " threads by name, state and first frame outside the JDK, counted over the dumps.");
            r.line();
            r.table("threads", "state", "first non-JDK frame", "count");
            summary.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(20)
                    .forEach(e -> {
                        String[] parts = e.getKey().split(" \\| ", 3);
                        r.row(parts[0], parts[1], "`" + parts[2] + "`", Integer.toString(e.getValue()));
                    });
            r.line();
        });
        profiles.forEach((phase, profile) -> {
            r.line("JFR CPU samples of the node during **" + phase + "** (" + profile.samples() + " samples).");
            r.line();
            profileTable(r, "sampled thread", profile.threads(), profile.samples());
            profileTable(r, "library (first non-JDK frame from the top)", profile.libraries(), profile.samples());
            profileTable(r, "OrchWiz method on the stack (inclusive)", profile.orchwiz(), profile.samples());
            profileTable(r, "hottest top frame", profile.topFrames(), profile.samples());
        });
    }

    private static void profileTable(Markdown r, String title, List<Map.Entry<String, Long>> rows, long samples) {
        r.table(title, "samples", "share");
        rows.forEach(e -> r.row(
                e.getKey().startsWith("dev.") ? "`" + e.getKey() + "`" : e.getKey(),
                Long.toString(e.getValue()),
                fmt(100.0 * e.getValue() / Math.max(1, samples), 1) + " %"));
        r.line();
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static double memTotalMb() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal"))
                    .mapToDouble(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024.0)
                    .findFirst()
                    .orElse(Double.NaN);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static String readFirst(String file) {
        try {
            return Files.readAllLines(Path.of(file)).get(0).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            return "unknown";
        }
    }
}

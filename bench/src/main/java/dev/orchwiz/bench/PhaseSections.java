package dev.orchwiz.bench;

import static dev.orchwiz.bench.Markdown.fmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The report's numbered sections of the commands, lag, list, fill and rebuild phases, and their resource tables. */
final class PhaseSections {

    /** Other processes using more than this many cores during a phase make its figures unreliable. */
    static final double DISTURBED_CORES = 0.25;

    private final Config config;
    private final Report report;

    PhaseSections(Config config, Report report) {
        this.config = config;
        this.report = report;
    }

    void commands(Markdown r) {
        if (report.levels.isEmpty()) {
            return;
        }
        r.line("## 1. Commands");
        r.line();
        r.line(String.format(
                Locale.ROOT,
                "Closed loop, no think time; %d s warm-up (excluded) then %d s measured per level. Mix: %.0f %% `POST"
                        + " /api/sessions` (create), %.0f %% `POST /api/sessions/{id}/prompt` on one of the client's"
                        + " %d most recent sessions, %.0f %% `POST /api/sessions/{id}/mode` flipping plan ⇄"
                        + " auto_accept (so every command writes at least one event). Each client works on its own"
                        + " sessions. Latency is from sending the request to the last byte of the answer.",
                config.warmup().toSeconds(),
                config.duration().toSeconds(),
                Clients.CREATE_SHARE * 100,
                Clients.PROMPT_SHARE * 100,
                Clients.ACTIVE_SESSIONS_PER_CLIENT,
                Clients.MODE_SHARE * 100));
        r.line();
        r.table("clients", "commands/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "requests", "errors");
        for (Measurement.Measured level : report.levels) {
            Recorder measured = level.outcome().measured();
            Recorder.Stats stats = measured.stats(Recorder.ALL);
            r.row(
                    Integer.toString(level.clients()),
                    fmt(level.outcome().throughput(Recorder.ALL), 0),
                    fmt(stats.p50(), 1),
                    fmt(stats.p90(), 1),
                    fmt(stats.p99(), 1),
                    fmt(stats.max(), 1),
                    Long.toString(measured.total(Recorder.ALL)),
                    measured.errorSummary(Recorder.ALL));
        }
        r.line();
        r.line("Per command:");
        r.line();
        r.table("clients", "command", "per s", "p50 ms", "p99 ms", "max ms", "errors");
        for (Measurement.Measured level : report.levels) {
            for (String op : level.outcome().measured().ops()) {
                Recorder.Stats stats = level.outcome().measured().stats(op);
                r.row(
                        Integer.toString(level.clients()),
                        op,
                        fmt(level.outcome().throughput(op), 0),
                        fmt(stats.p50(), 1),
                        fmt(stats.p99(), 1),
                        fmt(stats.max(), 1),
                        level.outcome().measured().errorSummary(op));
            }
        }
        r.line();
        resources(r, report.levels.stream().map(Measurement.Measured::probe).toList());
    }

    void lag(Markdown r) {
        Report.LagResult lag = report.lag;
        if (lag == null) {
            return;
        }
        r.line("## 2. Write-to-read lag");
        r.line();
        r.line("A probe writes to its own session (alternately a prompt and a mode flip; the first sample is the"
                + " create), and from the moment the write's 2xx arrived polls `GET /api/sessions/{id}` every "
                + Lag.POLL.toMillis() + " ms until it shows `version` ≥ the version the write returned. The lag runs"
                + " to the arrival of that first fresh read, so it includes one read round trip (read p50 beside"
                + " it). Samples are spaced by a random pause of 0–1 s, so writes land at random moments relative"
                + " to any periodic poll in the node. Under load, " + config.lagLoadClients() + " command clients run"
                + " the mixed workload meanwhile"
                + (config.lagLoadRate() > 0
                        ? ", paced to " + fmt(config.lagLoadRate(), 0) + " commands/s in total."
                        : ", as fast as they can."));
        r.line();
        r.table(
                "condition",
                "samples",
                "lag p50 ms",
                "lag p90 ms",
                "lag p99 ms",
                "lag max ms",
                "never visible",
                "reads per sample",
                "read p50 ms");
        lagRow(r, "idle node", lag.idle());
        lagRow(
                r,
                config.lagLoadClients() + " clients writing (" + fmt(lag.load().throughput(Recorder.ALL), 0)
                        + " commands/s, p99 "
                        + fmt(lag.load().measured().stats(Recorder.ALL).p99(), 1) + " ms)",
                lag.loaded());
        r.line();
        resources(r, List.of(lag.loadProbe()));
    }

    private static void lagRow(Markdown r, String condition, Lag.Result result) {
        r.row(
                condition,
                Long.toString(result.samples()),
                fmt(result.lag().p50(), 1),
                fmt(result.lag().p90(), 1),
                fmt(result.lag().p99(), 1),
                fmt(result.lag().max(), 1),
                Long.toString(result.invisible()),
                fmt(result.pollsPerSample(), 1),
                fmt(result.read().p50(), 1));
    }

    void list(Markdown r) {
        if (report.lists.isEmpty()) {
            return;
        }
        r.line("## 3. Session list");
        r.line();
        r.line("`GET /api/sessions?size=20` (the first page, newest activity first, gzip accepted like a browser) by "
                + config.listClients() + " closed-loop clients, "
                + config.warmup().toSeconds() + " s warm-up then "
                + config.duration().toSeconds() + " s measured; once with about " + config.minSessionsForList()
                + " sessions (created first by 8 clients if missing), once with the read model after the fill.");
        r.line();
        r.table("when", "sessions present", "lists/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors");
        List<Probe.Result> probes = new ArrayList<>();
        for (Report.ListResult result : report.lists) {
            Measurement.Measured measured = result.measured();
            Recorder.Stats stats = measured.stats();
            r.row(
                    result.label(),
                    Long.toString(result.sessions()),
                    fmt(measured.perSecond(), 0),
                    fmt(stats.p50(), 1),
                    fmt(stats.p90(), 1),
                    fmt(stats.p99(), 1),
                    fmt(stats.max(), 1),
                    measured.outcome().measured().errorSummary("list"));
            probes.add(measured.probe());
        }
        r.line();
        for (Report.ListResult result : report.lists) {
            if (result.filled() > 0) {
                r.line("Creating the " + result.filled() + " missing sessions took " + fmt(result.fillSeconds(), 1)
                        + " s (" + fmt(result.filled() / result.fillSeconds(), 0) + " creates/s at 8 clients).");
                r.line();
            }
        }
        resources(r, probes);
    }

    void seedAndRebuild(Markdown r) {
        Report.SeedResult seed = report.seed;
        Report.RebuildResult rebuild = report.rebuild;
        if (seed == null) {
            return;
        }
        r.line("## 4. Filling the event store and rebuilding the read model");
        r.line();
        r.line("The store is filled through the REST API by " + config.seedClients() + " concurrent clients: each"
                + " creates a session and sends it 7 prompts and 2 mode flips (11 events per session), until the"
                + " store holds at least " + config.rebuildEvents() + " events. Then `POST "
                + NodeUnderTest.STATUS_PATH
                + "/rebuild` resets the sessions read model and replays the whole store; the status is polled every"
                + " 100 ms until `caughtUp`, `position ≥ head` and not `replaying`. Rate = events in the store /"
                + " time from the POST to that status.");
        r.line();
        r.table("fill", "value");
        r.row("events in the store before / after", seed.eventsBefore() + " / " + seed.eventsAfter());
        r.row("sessions created by the fill", Long.toString(seed.sessionsAfter() - seed.sessionsBefore()));
        r.row("time to fill", fmt(seed.seconds(), 1) + " s");
        if (seed.copies().events() > 0) {
            r.row(
                    "copied in the database (sessions' event streams under new ids)",
                    seed.copies().events() + " events of " + seed.copies().sessions() + " sessions in "
                            + fmt(seed.copies().seconds(), 1) + " s");
        }
        if (seed.outcome() != null && seed.seconds() > 0) {
            Recorder.Stats stats = seed.outcome().measured().stats(Recorder.ALL);
            r.row(
                    "fill rate",
                    fmt((seed.eventsAfter() - seed.eventsBefore() - seed.copies().events()) / seed.seconds(), 0) + " events/s, "
                            + fmt(seed.outcome().measured().total(Recorder.ALL) / seed.seconds(), 0)
                            + " commands/s at " + config.seedClients() + " clients (p50 " + fmt(stats.p50(), 1)
                            + " ms, p99 " + fmt(stats.p99(), 1) + " ms)");
            r.row("fill errors", seed.outcome().measured().errorSummary(Recorder.ALL));
        }
        r.row(
                "read model caught up after the last write",
                seed.caughtUp() ? fmt(seed.catchUpSeconds(), 1) + " s later" : "NOT within 10 minutes");
        r.line();
        if (rebuild != null) {
            r.table("rebuild", "value");
            r.row("events replayed", Long.toString(rebuild.events()));
            r.row("elapsed", fmt(rebuild.seconds(), 2) + " s" + (rebuild.finished() ? "" : " (DID NOT FINISH)"));
            r.row("rate", fmt(rebuild.eventsPerSecond(), 0) + " events/s");
            r.row("status polls", Long.toString(rebuild.polls()));
            r.row("answer to the POST", "`" + rebuild.acceptedStatus().replace("|", "\\|") + "`");
            r.row(
                    "check: `GET /api/sessions?size=1` totalItems",
                    rebuild.listedSessions() + " (sessions created: " + rebuild.expectedSessions()
                            + (rebuild.startedEvents() >= 0
                                    ? ", SessionStarted events in the store: " + rebuild.startedEvents()
                                    : "")
                            + ") → " + (rebuild.correct() ? "correct" : "WRONG"));
            r.line();
        }
        List<Probe.Result> probes = new ArrayList<>();
        if (seed.probe() != null) {
            probes.add(seed.probe());
        }
        if (rebuild != null) {
            probes.add(rebuild.probe());
        }
        resources(r, probes);
    }

    /** Where the CPU went during each probed phase, the node's GC and its database connections' states. */
    static void resources(Markdown r, List<Probe.Result> probes) {
        List<Probe.Result> present = probes.stream().filter(Objects::nonNull).toList();
        if (present.isEmpty()) {
            return;
        }
        r.line("Where the CPU went (in cores; this machine has "
                + Runtime.getRuntime().availableProcessors()
                + "), GC of the node, and what the node's database connections were doing (average number of"
                + " connections per state, sampled every 250 ms from `pg_stat_activity`). \"other\" is CPU used by"
                + " processes outside the benchmark; ⚠ marks more than " + DISTURBED_CORES + " cores of it, which"
                + " understates the figures of that phase:");
        r.line();
        r.table(
                "phase",
                "node",
                "postgres",
                "harness",
                "other",
                "machine busy",
                "GC pauses",
                "GC time",
                "db connections (avg)");
        for (Probe.Result probe : present) {
            Resources.Usage usage = probe.usage();
            StringBuilder waits = new StringBuilder();
            probe.waits().stream().limit(5).forEach(e -> waits.append(waits.length() == 0 ? "" : "; ")
                    .append(e.getKey())
                    .append(" ")
                    .append(fmt(e.getValue(), 1)));
            r.row(
                    probe.phase(),
                    fmt(usage.node(), 2),
                    fmt(usage.postgres(), 2),
                    fmt(usage.harness(), 2),
                    fmt(usage.other(), 2) + (usage.other() > DISTURBED_CORES ? " ⚠" : ""),
                    fmt(usage.machine(), 2) + " of " + usage.cores(),
                    Long.toString(probe.gc().count()),
                    fmt(probe.gc().seconds() * 1000, 0) + " ms ("
                            + fmt(100 * probe.gc().seconds() / usage.seconds(), 1) + " %)",
                    waits.length() == 0 ? "–" : waits.toString());
        }
        r.line();
    }
}

package dev.orchwiz.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The OrchWiz benchmark: starts a node on a fresh database (or attaches to one), then measures command throughput and
 * latency, write-to-read lag, list throughput, projection rebuild rate and memory, and writes a markdown report.
 */
public final class Bench {

    // Targets and the original app's figures, printed beside the measurements.
    static final double TARGET_COMMANDS_PER_SECOND = 1_000;
    static final double TARGET_COMMAND_P99_MS = 100;
    static final double TARGET_LAG_P99_MS = 250;
    static final double TARGET_REBUILD_EVENTS_PER_SECOND = 20_000;
    static final String STATUS_PATH = "/api/admin/projections/sessions";

    private final Config config;
    private final Clients.Counters counters = new Clients.Counters();
    private final List<String> problems = new ArrayList<>();
    private final AtomicBoolean cleanedUp = new AtomicBoolean();
    private final Path targetDir;

    private NodeProcess.Database database;
    private boolean databaseCreated;
    private NodeProcess node;
    private Connection jdbc;
    private URI url;
    private long pid;
    private Resources resources;
    private long initialSessions;
    private long errorsTotal;
    private double busyBefore = Double.NaN;

    // Results, filled in phase by phase.
    private final List<LevelResult> levels = new ArrayList<>();
    private Lag.Result lagIdle;
    private Lag.Result lagLoaded;
    private ClosedLoop.Outcome lagLoad;
    private Probe.Result lagLoadProbe;
    private final List<ListResult> lists = new ArrayList<>();
    private SeedResult seed;
    private RebuildResult rebuild;
    private Memory memoryAfterLoad;
    private Memory memoryAfterRebuild;
    private ToolCallResult toolCalls;
    /** Thread dumps and JFR recordings of the node, by the phase they were taken in. */
    private final Map<String, List<Path>> threadDumps = new java.util.concurrent.ConcurrentSkipListMap<>();

    private final Map<String, Path> recordings = new java.util.concurrent.ConcurrentSkipListMap<>();

    record LevelResult(int clients, ClosedLoop.Outcome outcome, Probe.Result probe) {}

    /** One list measurement, with the sessions present and how long creating the missing ones took. */
    record ListResult(
            String label,
            long sessions,
            ClosedLoop.Outcome outcome,
            Probe.Result probe,
            long filled,
            double fillSeconds) {}

    record SeedResult(
            long eventsBefore,
            long eventsAfter,
            long sessionsBefore,
            long sessionsAfter,
            double seconds,
            ClosedLoop.Outcome outcome,
            Probe.Result probe,
            double catchUpSeconds,
            boolean caughtUp) {}

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

    /** One closed-loop measurement of one operation, with what the node did meanwhile and the statuses it answered. */
    record Measured(String op, int clients, ClosedLoop.Outcome outcome, Probe.Result probe, Clients.Statuses statuses) {

        double perSecond() {
            return outcome.throughput(op);
        }

        Recorder.Stats stats() {
            return outcome.measured().stats(op);
        }
    }

    /**
     * The control plane phase: allowed calls per level, the inbox fill, the two lists and the approvals, with the
     * read model's size while the lists were read and how many calls were left pending after the approvals.
     */
    record ToolCallResult(
            List<Measured> decisions,
            Measured fill,
            long calls,
            long pending,
            Measured inbox,
            Measured executions,
            int warmupDecisions,
            Measured approvals,
            long leftPending,
            long listedAfter) {}

    record Memory(
            Map<String, Long> proc, double heapUsedMb, double heapCommittedMb, double heapMaxMb, double nonHeapMb) {}

    private Bench(Config config) {
        this.config = config;
        this.targetDir = config.out().toAbsolutePath().getParent();
    }

    public static void main(String[] args) {
        Config config;
        try {
            config = Config.parse(args);
        } catch (Config.UsageException | IllegalArgumentException e) {
            if (e.getMessage() != null) {
                System.err.println(e.getMessage());
            }
            System.err.println(Config.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        int code;
        try {
            code = new Bench(config).run();
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    private int run() throws Exception {
        Thread cleanup = new Thread(this::cleanUp, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        Instant started = Instant.now();
        try {
            setUp();
            // Order: the list at ~1,000 sessions first (comparable with the original app's figure), then the store
            // is filled to the rebuild target through the API, rebuilt, and listed again at its full size; commands
            // and lag are measured last, on a store that is no longer empty.
            if (config.runs("list")) {
                list("at " + config.minSessionsForList() + "+ sessions", config.minSessionsForList());
            }
            if (config.runs("seed") || config.runs("rebuild")) {
                seed();
            }
            if (config.runs("rebuild")) {
                rebuild();
                memoryAfterRebuild = memory();
            }
            if (config.runs("list") && (config.runs("seed") || config.runs("rebuild"))) {
                list("after the fill", 0);
            }
            if (config.runs("commands")) {
                commands();
            }
            if (config.runs("lag")) {
                lag();
            }
            if (config.runs("toolcalls")) {
                toolCalls();
            }
            memoryAfterLoad = memory();
            summarizeDiagnostics();
            String report = report(started, Instant.now());
            Files.createDirectories(config.out().toAbsolutePath().getParent());
            Files.writeString(config.out(), report, StandardCharsets.UTF_8);
            System.out.println();
            System.out.println(report);
            log("report written to " + config.out().toAbsolutePath());
        } finally {
            cleanUp();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
        if (!problems.isEmpty()) {
            log("THE RUN HAD ERRORS: " + String.join("; ", problems));
            return 3;
        }
        return 0;
    }

    // --- set-up and clean-up ---

    private void setUp() throws Exception {
        Files.createDirectories(targetDir);
        // How busy the machine is without the benchmark: other processes share the CPU with the node.
        long[] before = Resources.machineTicks();
        Thread.sleep(3_000);
        long[] after = Resources.machineTicks();
        busyBefore = (after[0] - before[0]) / 100.0 / 3.0;
        log(String.format(Locale.ROOT, "machine busy before the run: %.2f cores", busyBefore));
        if (config.startsNode()) {
            database = new NodeProcess.Database(config);
            log("creating database " + database.name());
            database.create();
            databaseCreated = true;
            log("starting " + config.jar() + " (log: " + targetDir.resolve("node.log") + ")");
            long t0 = System.nanoTime();
            node = NodeProcess.start(config, database.jdbcUrl(), targetDir.resolve("node.log"));
            log(String.format(
                    Locale.ROOT, "node up at %s, pid %d, in %.1f s", node.url(), node.pid(), secondsSince(t0)));
            url = node.url();
            pid = node.pid();
            jdbc = database.connect();
            Http.bearer = Access.provision(url, node.log());
            log("signed in as " + Access.EMAIL + " with the node's setup code; using an admin API token");
        } else {
            // An attached node: the operator hands over a token (Settings -> API tokens, scopes read/write/admin).
            Http.bearer = System.getenv("ORCHWIZ_TOKEN");
            url = config.url();
            pid = config.pid();
            if (config.jdbcUrl() != null) {
                jdbc = NodeProcess.connect(config.jdbcUrl(), config.pgUser(), config.pgPassword());
            }
            if (new Http(url).get("/actuator/health").status() != 200) {
                throw new IllegalStateException("no healthy node at " + url);
            }
        }
        resources = new Resources(pid, jdbc);
        initialSessions = totalSessions(new Http(url));
        if (initialSessions < 0) {
            throw new IllegalStateException("GET /api/sessions failed on " + url);
        }
    }

    private void cleanUp() {
        if (!cleanedUp.compareAndSet(false, true)) {
            return;
        }
        try {
            if (jdbc != null) {
                jdbc.close();
            }
        } catch (SQLException e) {
            // closing anyway
        }
        if (node != null) {
            log("stopping the node (pid " + node.pid() + ")");
            try {
                node.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (databaseCreated) {
            log("dropping database " + database.name());
            try {
                database.drop();
            } catch (SQLException e) {
                log("could not drop database " + database.name() + ": " + e.getMessage());
            }
        }
    }

    // --- 1. commands ---

    private void commands() throws Exception {
        int top = 0;
        for (int level : config.levels()) {
            top = Math.max(top, level);
        }
        for (int level : config.levels()) {
            log(String.format(
                    Locale.ROOT,
                    "commands: %d client(s), %d s warm-up + %d s measured",
                    level,
                    config.warmup().toSeconds(),
                    config.duration().toSeconds()));
            Http http = new Http(url);
            boolean diagnose = level == top;
            Probe[] probe = new Probe[1];
            Probe.Result[] probed = new Probe.Result[1];
            Thread[] dumper = new Thread[1];
            ClosedLoop.Hooks hooks = new ClosedLoop.Hooks() {
                @Override
                public void measureStarted() {
                    probe[0] = Probe.begin("commands-" + level, new Http(url), resources);
                    if (diagnose && pid > 0) {
                        dumper[0] = startThreadDumps(
                                "commands-" + level, config.duration().toMillis() / 3, 1_000);
                    }
                }

                @Override
                public void measureEnded() {
                    try {
                        probed[0] = probe[0].end();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    if (diagnose && pid > 0) {
                        stopRecording("commands-" + level);
                    }
                }
            };
            if (diagnose) {
                // Started before the warm-up: starting JFR can take seconds on a busy machine.
                startRecording("commands-" + level);
            }
            long seedBase = 1_000L * level;
            ClosedLoop.Outcome outcome = ClosedLoop.run(
                    "cmd" + level,
                    level,
                    i -> new Clients.CommandClient(http, counters, seedBase + i),
                    config.warmup(),
                    config.duration(),
                    hooks);
            if (dumper[0] != null) {
                dumper[0].join(30_000);
            }
            levels.add(new LevelResult(level, outcome, probed[0]));
            countErrors("commands at " + level + " clients", outcome.measured());
            countErrors("commands warm-up at " + level + " clients", outcome.warmup());
            Recorder.Stats stats = outcome.measured().stats(Recorder.ALL);
            log(String.format(
                    Locale.ROOT,
                    "  %.0f commands/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %s",
                    outcome.throughput(Recorder.ALL),
                    stats.p50(),
                    stats.p99(),
                    stats.max(),
                    outcome.measured().errorSummary(Recorder.ALL)));
        }
    }

    /** Starts a JFR recording of the node (with --jfr), named after the phase. */
    private void startRecording(String phase) {
        if (!config.jfr() || pid <= 0) {
            return;
        }
        Path file = targetDir.resolve("node-" + phase + ".jfr");
        log("  "
                + Diagnostics.jcmd(pid, "JFR.start", "name=" + phase, "settings=profile", "filename=" + file)
                        .trim()
                        .replaceAll("\\s+", " "));
        recordings.put(phase, file);
    }

    private void stopRecording(String phase) {
        if (recordings.containsKey(phase)) {
            Diagnostics.jcmd(pid, "JFR.stop", "name=" + phase);
        }
    }

    /** Takes --thread-dumps dumps of the node on a background thread: after {@code delayMs}, every {@code everyMs}. */
    private Thread startThreadDumps(String phase, long delayMs, long everyMs) {
        if (config.threadDumps() <= 0 || pid <= 0) {
            return null;
        }
        Thread thread = new Thread(
                () -> {
                    List<Path> files = new ArrayList<>();
                    try {
                        Thread.sleep(Math.max(0, delayMs));
                        for (int i = 0; i < config.threadDumps() && node != null && node.alive(); i++) {
                            files.add(Diagnostics.threadDump(
                                    pid, targetDir.resolve("threads-" + phase + "-" + i + ".txt")));
                            Thread.sleep(everyMs);
                        }
                    } catch (IOException e) {
                        log("thread dump failed: " + e.getMessage());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    threadDumps.put(phase, files);
                },
                "thread-dumps-" + phase);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    // --- 2. write-to-read lag ---

    private void lag() throws Exception {
        log("lag: " + config.lagSamples() + " samples on an idle node");
        Recorder idleWrites = new Recorder();
        lagIdle = Lag.measure(new Http(url), counters, config.lagSamples(), config.lagTimeout(), 7, idleWrites);
        countErrors("lag probe writes (idle)", idleWrites);
        log(lagLine(lagIdle));

        Duration warmup = Duration.ofSeconds(5);
        log("lag: " + config.lagSamples() + " samples while " + config.lagLoadClients() + " command clients run"
                + (config.lagLoadRate() > 0 ? " (paced to " + fmt(config.lagLoadRate(), 0) + " commands/s)" : ""));
        Http loadHttp = new Http(url);
        AtomicBoolean probeDone = new AtomicBoolean();
        CompletableFuture<ClosedLoop.Outcome> load = CompletableFuture.supplyAsync(() -> {
            try {
                return ClosedLoop.run(
                        "lagload",
                        config.lagLoadClients(),
                        i -> config.lagLoadRate() > 0
                                ? Clients.paced(
                                        new Clients.CommandClient(loadHttp, counters, 50_000L + i),
                                        config.lagLoadRate() / config.lagLoadClients(),
                                        60_000L + i)
                                : new Clients.CommandClient(loadHttp, counters, 50_000L + i),
                        warmup,
                        config.lagTimeout().plusSeconds(10),
                        ClosedLoop.NO_HOOKS,
                        probeDone);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Probe probe;
        Recorder probeWrites = new Recorder();
        try {
            Thread.sleep(warmup.toMillis() + 200);
            probe = Probe.begin("lag-under-load", new Http(url), resources);
            lagLoaded = Lag.measure(new Http(url), counters, config.lagSamples(), config.lagTimeout(), 11, probeWrites);
        } finally {
            probeDone.set(true);
        }
        lagLoadProbe = probe.end();
        lagLoad = load.get(config.lagTimeout().toSeconds() + 120, TimeUnit.SECONDS);
        countErrors("load during the lag measurement", lagLoad.measured());
        countErrors("lag probe writes (under load)", probeWrites);
        log(lagLine(lagLoaded)
                + String.format(Locale.ROOT, " (load: %.0f commands/s)", lagLoad.throughput(Recorder.ALL)));
        for (Lag.Result result : List.of(lagIdle, lagLoaded)) {
            if (result.failedWrites() + result.failedReads() > 0) {
                problems.add("lag probe: " + result.failedWrites() + " failed writes, " + result.failedReads()
                        + " failed reads");
            }
            if (result.invisible() > 0) {
                problems.add("lag probe: " + result.invisible() + " writes never became readable within "
                        + Lag.GIVE_UP.toSeconds() + " s");
            }
        }
    }

    private static String lagLine(Lag.Result result) {
        return String.format(
                Locale.ROOT,
                "  lag p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d samples (%d never visible)",
                result.lag().p50(),
                result.lag().p99(),
                result.lag().max(),
                result.samples(),
                result.invisible());
    }

    // --- 3. list throughput ---

    private void list(String label, long minSessions) throws Exception {
        Http http = new Http(url);
        long present = totalSessions(http);
        long filled = 0;
        double fillSeconds = 0;
        if (present < minSessions) {
            long target = counters.sessionsCreated.get() + (minSessions - present);
            log("list: creating " + (minSessions - present) + " sessions first (8 clients)");
            long before = counters.sessionsCreated.get();
            long t0 = System.nanoTime();
            ClosedLoop.Outcome fill = ClosedLoop.run(
                    "fill",
                    8,
                    i -> {
                        SplittableRandom random = new SplittableRandom(90_000L + i);
                        return recorder -> {
                            if (counters.sessionsCreated.get() >= target) {
                                return false;
                            }
                            Clients.create(http, recorder, random, counters, "create");
                            return true;
                        };
                    },
                    Duration.ZERO,
                    Duration.ofMinutes(10),
                    ClosedLoop.NO_HOOKS);
            fillSeconds = secondsSince(t0);
            filled = counters.sessionsCreated.get() - before;
            countErrors("creating sessions for the list benchmark", fill.measured());
            awaitCaughtUp(http, Duration.ofMinutes(5));
        }
        long sessions = totalSessions(http);
        log("list " + label + ": " + config.listClients() + " clients, GET /api/sessions?size=20 with " + sessions
                + " sessions present");
        Probe[] probe = new Probe[1];
        Probe.Result[] probed = new Probe.Result[1];
        Http listHttp = new Http(url);
        String phase = "list-" + sessions;
        ClosedLoop.Outcome outcome = ClosedLoop.run(
                "list",
                config.listClients(),
                i -> new Clients.ReadClient(listHttp, "list", "/api/sessions?size=20"),
                config.warmup(),
                config.duration(),
                new ClosedLoop.Hooks() {
                    @Override
                    public void measureStarted() {
                        probe[0] = Probe.begin(phase, new Http(url), resources);
                    }

                    @Override
                    public void measureEnded() {
                        try {
                            probed[0] = probe[0].end();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
        lists.add(new ListResult(label, sessions, outcome, probed[0], filled, fillSeconds));
        countErrors("list " + label, outcome.measured());
        countErrors("list warm-up " + label, outcome.warmup());
        Recorder.Stats stats = outcome.measured().stats("list");
        log(String.format(
                Locale.ROOT,
                "  %.0f lists/s, p50 %.1f ms, p99 %.1f ms",
                outcome.throughput("list"),
                stats.p50(),
                stats.p99()));
    }

    // --- 4. fill the event store, then rebuild the read model ---

    private void seed() throws Exception {
        Http http = new Http(url);
        long before = eventCount(http);
        long sessionsBefore = counters.sessionsCreated.get();
        log("seed: the event store holds " + before + " events; target " + config.rebuildEvents());
        double seconds = 0;
        ClosedLoop.Outcome outcome = null;
        Probe.Result probed = null;
        long current = before;
        for (int round = 0; round < 3 && current < config.rebuildEvents(); round++) {
            long target = counters.eventsWritten.get() + (config.rebuildEvents() - current);
            Http seedHttp = new Http(url);
            long seedBase = 70_000L + 100L * round;
            Probe probe = Probe.begin("seed", http, resources);
            long t0 = System.nanoTime();
            outcome = ClosedLoop.run(
                    "seed",
                    config.seedClients(),
                    i -> new Clients.SeedClient(seedHttp, counters, target, seedBase + i),
                    Duration.ZERO,
                    config.seedTimeout(),
                    ClosedLoop.NO_HOOKS);
            seconds += secondsSince(t0);
            probed = probe.end();
            countErrors("seeding the event store", outcome.measured());
            current = eventCount(http);
            log(String.format(
                    Locale.ROOT,
                    "  store holds %d events after %.1f s (%.0f commands/s)",
                    current,
                    seconds,
                    outcome.throughput(Recorder.ALL)));
        }
        if (current < config.rebuildEvents()) {
            problems.add("the event store holds only " + current + " events, fewer than " + config.rebuildEvents());
        }
        long t1 = System.nanoTime();
        boolean caughtUp = awaitCaughtUp(http, Duration.ofMinutes(10));
        double catchUp = secondsSince(t1);
        log(String.format(Locale.ROOT, "  read model caught up %.1f s after the last write", catchUp));
        seed = new SeedResult(
                before,
                current,
                sessionsBefore,
                counters.sessionsCreated.get(),
                seconds,
                outcome,
                probed,
                catchUp,
                caughtUp);
    }

    private void rebuild() throws Exception {
        Http http = new Http(url);
        long events = eventCount(http);
        log("rebuild: replaying " + events + " events into the sessions read model");
        Probe probe = Probe.begin("rebuild", http, resources);
        startRecording("rebuild");
        Thread dumper = startThreadDumps("rebuild", 2_000, 2_000);
        long t0 = System.nanoTime();
        Http.Result accepted = http.post(STATUS_PATH + "/rebuild", null);
        if (accepted.status() != 202) {
            problems.add("rebuild answered " + accepted.outcome() + ": " + accepted.text());
        }
        boolean sawReplay = !accepted.json().path("caughtUp").asBoolean(true);
        boolean finished = false;
        long polls = 0;
        long deadline = t0 + config.rebuildTimeout().toNanos();
        long lastLog = t0;
        while (accepted.ok() && System.nanoTime() < deadline) {
            Http.Result status = http.get(STATUS_PATH);
            polls++;
            JsonNode json = status.json();
            boolean replaying = json.path("replaying").asBoolean(true);
            boolean caughtUp = json.path("caughtUp").asBoolean(false);
            long position = json.path("position").asLong(-1);
            long head = json.path("head").asLong(Long.MAX_VALUE);
            if (replaying || !caughtUp || position < head) {
                sawReplay = true;
            } else if (sawReplay && status.ok()) {
                finished = true;
                break;
            }
            if (System.nanoTime() - lastLog > 5_000_000_000L) {
                lastLog = System.nanoTime();
                log(String.format(Locale.ROOT, "  at %d of %d after %.1f s", position, head, secondsSince(t0)));
            }
            Thread.sleep(100);
        }
        double seconds = secondsSince(t0);
        Probe.Result probed = probe.end();
        stopRecording("rebuild");
        if (dumper != null) {
            dumper.join(30_000);
        }
        if (!finished) {
            problems.add("the rebuild did not finish within "
                    + config.rebuildTimeout().toSeconds() + " s");
        }
        long expected = initialSessions + counters.sessionsCreated.get();
        long listed = totalSessions(http);
        long started = startedEvents();
        rebuild = new RebuildResult(
                events, seconds, finished, sawReplay, polls, expected, listed, started, probed, accepted.text());
        log(String.format(
                Locale.ROOT,
                "  %d events in %.2f s = %.0f events/s; sessions listed %d, created %d, started events %d",
                events,
                seconds,
                rebuild.eventsPerSecond(),
                listed,
                expected,
                started));
        if (listed != expected) {
            problems.add("after the rebuild GET /api/sessions lists " + listed + " sessions, but " + expected
                    + " were created");
        }
        if (started >= 0 && started != listed) {
            problems.add("the event store holds " + started + " SessionStarted events but " + listed + " are listed");
        }
    }

    // --- 5. tool calls, approvals and runs (the agent control plane) ---

    /** Runtimes that fill the approvals inbox, each in its own plan session. */
    static final int PENDING_FILL_CLIENTS = 8;

    private void toolCalls() throws Exception {
        Http http = new Http(url);
        Recorder setup = new Recorder();
        // What a user does before letting runtimes work unattended: allow them to read the sources.
        Http.Result rule =
                http.post("/api/permissions", Map.of("rule", Clients.ALLOW_RULE, "outcome", "allow", "scope", "user"));
        setup.record("add rule", rule);
        if (!rule.ok()) {
            countErrors("tool calls: set-up", setup);
            problems.add("tool calls: POST /api/permissions answered " + rule.outcome() + " " + rule.text()
                    + "; the phase did not run");
            return;
        }
        try {
            toolCalls(http, setup);
        } finally {
            // An attached node keeps its users' rules: remove the one the benchmark added.
            setup.record(
                    "delete rule",
                    http.delete("/api/permissions/" + rule.json().path("id").asText()));
            countErrors("tool calls: set-up (rule, sessions)", setup);
        }
    }

    private void toolCalls(Http http, Recorder setup) throws Exception {
        int top = 0;
        for (int level : config.toolCallClients()) {
            top = Math.max(top, level);
        }
        List<String> autoAccept = sessionsInMode(http, setup, top, "auto_accept");
        List<String> plan = sessionsInMode(http, setup, PENDING_FILL_CLIENTS, "plan");
        if (autoAccept == null || plan == null) {
            problems.add("tool calls: the sessions for the runtimes could not be created; the phase did not run");
            return;
        }

        List<Measured> decisions = new ArrayList<>();
        for (int level : config.toolCallClients()) {
            log(String.format(
                    Locale.ROOT,
                    "tool calls: %d runtime(s) asking for allowed calls, %d s warm-up + %d s measured",
                    level,
                    config.warmup().toSeconds(),
                    config.duration().toSeconds()));
            Http load = new Http(url);
            Clients.Statuses statuses = new Clients.Statuses("approved");
            Measured measured = measure(
                    "toolcalls-" + level,
                    "tool-call",
                    level,
                    i -> new Clients.ToolCallClient(load, autoAccept.get(i), statuses),
                    config.warmup(),
                    config.duration(),
                    statuses,
                    level == top);
            decisions.add(measured);
            checkStatuses("tool calls at " + level + " clients", measured);
            logMeasured("calls/s", measured);
        }

        log("tool calls: " + PENDING_FILL_CLIENTS + " runtimes in plan sessions ask for " + config.pendingCalls()
                + " calls that wait for approval");
        Queue<Clients.Pending> pending = new ConcurrentLinkedQueue<>();
        AtomicLong asked = new AtomicLong();
        Http fillHttp = new Http(url);
        Clients.Statuses waiting = new Clients.Statuses("awaiting_approval");
        Measured fill = measure(
                "pending-fill",
                "pending-call",
                PENDING_FILL_CLIENTS,
                i -> new Clients.PendingCallClient(
                        fillHttp, plan.get(i), waiting, asked, config.pendingCalls(), pending),
                Duration.ZERO,
                config.seedTimeout(),
                waiting,
                false);
        checkStatuses("calls asked for in plan sessions", fill);
        logMeasured("calls/s", fill);
        // Admins see every call, as the harness's user is: the same totals the lists count.
        long calls = totalItems(http, "/api/executions?size=1");
        long pendingNow = totalItems(http, "/api/approvals?size=1");

        log("tool calls: " + config.listClients() + " clients read GET /api/approvals?size=20 (" + pendingNow
                + " pending of " + calls + " calls)");
        Http inboxHttp = new Http(url);
        Measured inbox = measure(
                "approvals-inbox",
                "approvals",
                config.listClients(),
                i -> new Clients.ReadClient(inboxHttp, "approvals", "/api/approvals?size=20"),
                config.warmup(),
                config.duration(),
                null,
                false);
        logMeasured("lists/s", inbox);
        log("tool calls: " + config.listClients() + " clients read GET /api/executions?size=20");
        Http runsHttp = new Http(url);
        Measured executions = measure(
                "executions-list",
                "executions",
                config.listClients(),
                i -> new Clients.ReadClient(runsHttp, "executions", "/api/executions?size=20"),
                config.warmup(),
                config.duration(),
                null,
                false);
        logMeasured("lists/s", executions);

        // The pool of pending calls is finite, so the warm-up is a count: the first tenth, in a run of its own.
        int warmupDecisions = Math.max(1, pending.size() / 10);
        Queue<Clients.Pending> warmupPool = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < warmupDecisions && !pending.isEmpty(); i++) {
            warmupPool.add(pending.poll());
        }
        log("tool calls: " + config.approverClients() + " clients approve " + warmupDecisions
                + " calls (warm-up), then " + pending.size());
        Http approveHttp = new Http(url);
        Clients.Statuses approved = new Clients.Statuses("approved");
        Measured warmup = measure(
                "approvals-warmup",
                "decide",
                config.approverClients(),
                i -> new Clients.ApproverClient(approveHttp, warmupPool, approved),
                Duration.ZERO,
                config.duration(),
                approved,
                false);
        countErrors("approval decisions (warm-up)", warmup.outcome().measured());
        Measured approvals = measure(
                "approvals",
                "decide",
                config.approverClients(),
                i -> new Clients.ApproverClient(approveHttp, pending, approved),
                Duration.ZERO,
                config.duration(),
                approved,
                false);
        checkStatuses("approval decisions", approvals);
        logMeasured("decisions/s", approvals);
        long leftPending = pendingNow - answered(warmup) - answered(approvals);
        long listedAfter = totalItems(http, "/api/approvals?size=1");
        // Each decision answered once the read model showed it, so the inbox must already count the rest exactly.
        if (config.startsNode() && listedAfter != leftPending) {
            problems.add("after the approvals the inbox lists " + listedAfter + " pending calls, but " + leftPending
                    + " were left undecided");
        }
        toolCalls = new ToolCallResult(
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

    /**
     * A closed loop with the node's CPU, GC and database waits probed over the measured window; with
     * {@code diagnose}, also thread dumps and a JFR recording.
     */
    private Measured measure(
            String phase,
            String op,
            int clients,
            IntFunction<ClosedLoop.Client> factory,
            Duration warmup,
            Duration duration,
            Clients.Statuses statuses,
            boolean diagnose)
            throws InterruptedException {
        Probe[] probe = new Probe[1];
        Probe.Result[] probed = new Probe.Result[1];
        Thread[] dumper = new Thread[1];
        if (diagnose) {
            // Started before the warm-up: starting JFR can take seconds on a busy machine.
            startRecording(phase);
        }
        ClosedLoop.Outcome outcome = ClosedLoop.run(phase, clients, factory, warmup, duration, new ClosedLoop.Hooks() {
            @Override
            public void measureStarted() {
                probe[0] = Probe.begin(phase, new Http(url), resources);
                if (diagnose && pid > 0) {
                    dumper[0] = startThreadDumps(phase, duration.toMillis() / 3, 1_000);
                }
            }

            @Override
            public void measureEnded() {
                try {
                    probed[0] = probe[0].end();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (diagnose && pid > 0) {
                    stopRecording(phase);
                }
            }
        });
        if (dumper[0] != null) {
            dumper[0].join(30_000);
        }
        countErrors(phase, outcome.measured());
        countErrors(phase + " warm-up", outcome.warmup());
        return new Measured(op, clients, outcome, probed[0], statuses);
    }

    private void checkStatuses(String what, Measured measured) {
        Clients.Statuses statuses = measured.statuses();
        if (statuses.wrong() > 0) {
            problems.add(what + ": " + statuses.wrong() + " of " + statuses.checked() + " answers were not `"
                    + statuses.expected() + "` (" + statusSummary(statuses) + ")");
        }
    }

    private static String statusSummary(Clients.Statuses statuses) {
        StringBuilder text = new StringBuilder();
        statuses.counts().forEach((status, n) -> text.append(text.length() == 0 ? "" : ", ")
                .append(status)
                .append("×")
                .append(n));
        return text.length() == 0 ? "none" : text.toString();
    }

    private static void logMeasured(String unit, Measured measured) {
        Recorder.Stats stats = measured.stats();
        log(String.format(
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

    /** Requests of the measurement that answered 2xx. */
    private static long answered(Measured measured) {
        Recorder recorder = measured.outcome().measured();
        return recorder.total(measured.op()) - recorder.errors(measured.op());
    }

    private static long totalItems(Http http, String path) {
        Http.Result result = http.get(path);
        return result.ok() ? result.json().path("totalItems").asLong(-1) : -1;
    }

    // --- helpers ---

    private boolean awaitCaughtUp(Http http, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode json = http.get(STATUS_PATH).json();
            if (json.path("caughtUp").asBoolean(false)
                    && !json.path("replaying").asBoolean(true)
                    && json.path("position").asLong(-1) >= json.path("head").asLong(Long.MAX_VALUE)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Events in the store: counted in the database when the harness has it, else the head's global position. */
    private long eventCount(Http http) throws SQLException {
        if (jdbc != null) {
            try (Statement statement = jdbc.createStatement();
                    ResultSet rows = statement.executeQuery("select count(*) from domain_event_entry")) {
                rows.next();
                return rows.getLong(1);
            }
        }
        return http.get(STATUS_PATH).json().path("head").asLong(0);
    }

    /** SessionStarted events in the store, or -1 without database access. */
    private long startedEvents() throws SQLException {
        if (jdbc == null) {
            return -1;
        }
        try (Statement statement = jdbc.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select count(*) from domain_event_entry where payload_type like '%.SessionStarted'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long totalSessions(Http http) {
        Http.Result result = http.get("/api/sessions?size=1");
        return result.ok() ? result.json().path("totalItems").asLong(-1) : -1;
    }

    private Memory memory() {
        Http http = new Http(url);
        return new Memory(
                Resources.memory(pid),
                metric(http, "jvm.memory.used", "area:heap") / 1e6,
                metric(http, "jvm.memory.committed", "area:heap") / 1e6,
                metric(http, "jvm.memory.max", "area:heap") / 1e6,
                metric(http, "jvm.memory.used", "area:nonheap") / 1e6);
    }

    private static double metric(Http http, String name, String tag) {
        JsonNode json = http.get("/actuator/metrics/" + name + "?tag=" + tag).json();
        for (JsonNode measurement : json.path("measurements")) {
            if (measurement.path("statistic").asText().equals("VALUE")) {
                return measurement.path("value").asDouble(Double.NaN);
            }
        }
        return Double.NaN;
    }

    private void countErrors(String what, Recorder recorder) {
        long errors = recorder.errors(Recorder.ALL);
        if (errors > 0) {
            errorsTotal += errors;
            problems.add(what + ": " + errors + " failed requests (" + recorder.errorSummary(Recorder.ALL) + ")");
        }
    }

    private final Map<String, Map<String, Integer>> threadSummaries = new java.util.TreeMap<>();
    private final Map<String, Diagnostics.Profile> profiles = new java.util.TreeMap<>();

    private void summarizeDiagnostics() {
        threadDumps.forEach((phase, files) -> {
            try {
                if (!files.isEmpty()) {
                    threadSummaries.put(phase, Diagnostics.summarizeThreads(files));
                }
            } catch (IOException | RuntimeException e) {
                log("could not summarize the thread dumps of " + phase + ": " + e.getMessage());
            }
        });
        recordings.forEach((phase, file) -> {
            try {
                if (Files.isRegularFile(file)) {
                    profiles.put(phase, Diagnostics.profile(file, 15));
                }
            } catch (IOException | RuntimeException e) {
                log("could not read the JFR recording of " + phase + ": " + e.getMessage());
            }
        });
    }

    private static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    static void log(String message) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + message);
    }

    // --- the report ---

    private String report(Instant started, Instant finished) throws Exception {
        Report r = new Report();
        r.line("# OrchWiz benchmark report");
        r.line();
        r.line("Run " + started.truncatedTo(ChronoUnit.SECONDS) + " → " + finished.truncatedTo(ChronoUnit.SECONDS)
                + " (" + Duration.between(started, finished).toSeconds() + " s).");
        r.line();
        if (problems.isEmpty()) {
            r.line(
                    "**Errors: none.** Every request of every measured phase answered 2xx and the rebuild check passed.");
        } else {
            r.line("**THE RUN HAD ERRORS** (" + errorsTotal + " failed requests in all):");
            r.line();
            problems.forEach(p -> r.line("- " + p));
        }
        r.line();
        machine(r);
        summary(r);
        commandsSection(r);
        lagSection(r);
        listSection(r);
        seedAndRebuildSection(r);
        toolCallsSection(r);
        memorySection(r);
        diagnosticsSection(r);
        return r.toString();
    }

    private void machine(Report r) throws Exception {
        r.line("## Machine and settings");
        r.line();
        r.table("what", "value");
        r.row("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores visible");
        r.row("memory", fmt(memTotalMb() / 1024.0, 1) + " GiB");
        r.row("kernel", readFirst("/proc/sys/kernel/osrelease"));
        r.row(
                "Java",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + " (node and harness)");
        r.row("PostgreSQL", jdbc == null ? "(no database access)" : query("show server_version") + " on 127.0.0.1");
        if (config.startsNode()) {
            Path tested = targetDir.resolve("orchwiz-node-under-test.jar");
            r.row(
                    "node",
                    config.jar() + " (run from a copy), " + Files.size(tested) / 1_000_000 + " MB, sha256 "
                            + sha256(tested).substring(0, 12) + ", JVM options: "
                            + (config.nodeJvmArgs().isEmpty()
                                    ? "none (JVM defaults)"
                                    : String.join(" ", config.nodeJvmArgs())));
            r.row("database", database.name() + " (created for this run, dropped afterwards)");
        } else {
            r.row("node", "attached to " + url);
        }
        r.row("load generator", "this harness, on the same machine (its CPU use is reported per phase)");
        r.row("machine busy before the run", fmt(busyBefore, 2) + " cores (other processes; see \"other\" per phase)");
        r.row(
                "settings",
                "levels " + joined(config.levels()) + ", warm-up "
                        + config.warmup().toSeconds() + " s, measured "
                        + config.duration().toSeconds() + " s per level, list clients " + config.listClients()
                        + ", lag samples " + config.lagSamples() + ", rebuild target " + config.rebuildEvents()
                        + " events, seed clients " + config.seedClients() + ", tool-call clients "
                        + joined(config.toolCallClients()) + ", pending calls " + config.pendingCalls()
                        + ", approver clients " + config.approverClients());
        r.line();
    }

    private void summary(Report r) {
        r.line("## Summary against the targets");
        r.line();
        r.table("figure", "measured", "target", "original app", "verdict");
        LevelResult top = levels.isEmpty() ? null : levels.get(levels.size() - 1);
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
        if (lagIdle != null) {
            r.row(
                    "write-to-read lag p99, idle node",
                    fmt(lagIdle.lag().p99(), 1) + " ms (p50 "
                            + fmt(lagIdle.lag().p50(), 1) + ")",
                    "< 250 ms",
                    "–",
                    verdict(lagIdle.lag().p99() < TARGET_LAG_P99_MS && lagIdle.invisible() == 0));
            r.row(
                    "write-to-read lag p99, under " + fmt(lagLoad.throughput(Recorder.ALL), 0) + " commands/s",
                    fmt(lagLoaded.lag().p99(), 1) + " ms (p50 "
                            + fmt(lagLoaded.lag().p50(), 1) + ")",
                    "< 250 ms",
                    "–",
                    verdict(lagLoaded.lag().p99() < TARGET_LAG_P99_MS && lagLoaded.invisible() == 0));
        }
        for (ListResult result : lists) {
            r.row(
                    "lists/s (size=20, " + config.listClients() + " clients, " + result.sessions() + " sessions)",
                    fmt(result.outcome().throughput("list"), 0) + " (p99 "
                            + fmt(result.outcome().measured().stats("list").p99(), 1) + " ms)",
                    "–",
                    "61/s at 1,000 rows",
                    "–");
        }
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
        if (memoryAfterLoad != null) {
            r.row(
                    "node RSS after load",
                    mb(memoryAfterLoad.proc().get("VmRSS")) + " (peak "
                            + mb(memoryAfterLoad.proc().get("VmHWM")) + ")",
                    "–",
                    "~900 MB",
                    "–");
            r.row(
                    "node heap used after load",
                    fmt(memoryAfterLoad.heapUsedMb(), 0) + " MB of " + fmt(memoryAfterLoad.heapCommittedMb(), 0)
                            + " MB committed",
                    "–",
                    "–",
                    "–");
        }
        if (toolCalls != null) {
            toolCallSummary(r);
        }
        r.row("failed requests", Long.toString(errorsTotal), "0", "–", verdict(problems.isEmpty()));
        r.line();
        List<String> disturbed = new ArrayList<>();
        for (Probe.Result probe : allProbes()) {
            if (probe.usage().other() > DISTURBED_CORES) {
                disturbed.add(probe.phase() + " (" + fmt(probe.usage().other(), 2) + " cores)");
            }
        }
        if (!disturbed.isEmpty()) {
            r.line("**Disturbed phases:** other processes on this machine used CPU during "
                    + String.join(", ", disturbed) + "; those figures are lower than the node alone would reach.");
            r.line();
        }
    }

    private void commandsSection(Report r) {
        if (levels.isEmpty()) {
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
        for (LevelResult level : levels) {
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
        for (LevelResult level : levels) {
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
        List<Probe.Result> probes = new ArrayList<>();
        levels.forEach(level -> probes.add(level.probe()));
        resourceTable(r, probes);
    }

    private void lagSection(Report r) {
        if (lagIdle == null) {
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
        lagRow(r, "idle node", lagIdle);
        lagRow(
                r,
                config.lagLoadClients() + " clients writing (" + fmt(lagLoad.throughput(Recorder.ALL), 0)
                        + " commands/s, p99 "
                        + fmt(lagLoad.measured().stats(Recorder.ALL).p99(), 1) + " ms)",
                lagLoaded);
        r.line();
        resourceTable(r, List.of(lagLoadProbe));
    }

    private static void lagRow(Report r, String condition, Lag.Result result) {
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

    private void listSection(Report r) {
        if (lists.isEmpty()) {
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
        for (ListResult result : lists) {
            Recorder.Stats stats = result.outcome().measured().stats("list");
            r.row(
                    result.label(),
                    Long.toString(result.sessions()),
                    fmt(result.outcome().throughput("list"), 0),
                    fmt(stats.p50(), 1),
                    fmt(stats.p90(), 1),
                    fmt(stats.p99(), 1),
                    fmt(stats.max(), 1),
                    result.outcome().measured().errorSummary("list"));
            probes.add(result.probe());
        }
        r.line();
        for (ListResult result : lists) {
            if (result.filled() > 0) {
                r.line("Creating the " + result.filled() + " missing sessions took " + fmt(result.fillSeconds(), 1)
                        + " s (" + fmt(result.filled() / result.fillSeconds(), 0) + " creates/s at 8 clients).");
                r.line();
            }
        }
        resourceTable(r, probes);
    }

    private void seedAndRebuildSection(Report r) {
        if (seed == null) {
            return;
        }
        r.line("## 4. Filling the event store and rebuilding the read model");
        r.line();
        r.line("The store is filled through the REST API by " + config.seedClients() + " concurrent clients: each"
                + " creates a session and sends it 7 prompts and 2 mode flips (11 events per session), until the"
                + " store holds at least " + config.rebuildEvents() + " events. Then `POST " + STATUS_PATH
                + "/rebuild` resets the sessions read model and replays the whole store; the status is polled every"
                + " 100 ms until `caughtUp`, `position ≥ head` and not `replaying`. Rate = events in the store /"
                + " time from the POST to that status.");
        r.line();
        r.table("fill", "value");
        r.row("events in the store before / after", seed.eventsBefore() + " / " + seed.eventsAfter());
        r.row("sessions created by the fill", Long.toString(seed.sessionsAfter() - seed.sessionsBefore()));
        r.row("time to fill", fmt(seed.seconds(), 1) + " s");
        if (seed.outcome() != null && seed.seconds() > 0) {
            Recorder.Stats stats = seed.outcome().measured().stats(Recorder.ALL);
            r.row(
                    "fill rate",
                    fmt((seed.eventsAfter() - seed.eventsBefore()) / seed.seconds(), 0) + " events/s, "
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
        resourceTable(r, probes);
    }

    /** The control plane's figures in the summary, against the command targets (it has none of its own yet). */
    private void toolCallSummary(Report r) {
        Measured top = toolCalls.decisions().get(toolCalls.decisions().size() - 1);
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
        Measured approvals = toolCalls.approvals();
        r.row(
                "approval decisions/s (" + approvals.clients() + " clients)",
                fmt(approvals.perSecond(), 0) + " (p99 " + fmt(approvals.stats().p99(), 1) + " ms)",
                "≥ 1,000, p99 < 100 ms (command targets)",
                "–",
                verdict(approvals.perSecond() >= TARGET_COMMANDS_PER_SECOND
                        && approvals.stats().p99() < TARGET_COMMAND_P99_MS));
        long checked = 0;
        long wrong = 0;
        for (Measured measured : toolCallMeasurements()) {
            if (measured.statuses() != null) {
                checked += measured.statuses().checked();
                wrong += measured.statuses().wrong();
            }
        }
        r.row("tool-call answers with an unexpected status", wrong + " of " + checked, "0", "–", verdict(wrong == 0));
    }

    /** Every measurement of the control plane phase that has figures of its own, in the order they ran. */
    private List<Measured> toolCallMeasurements() {
        List<Measured> all = new ArrayList<>(toolCalls.decisions());
        all.add(toolCalls.fill());
        all.add(toolCalls.inbox());
        all.add(toolCalls.executions());
        all.add(toolCalls.approvals());
        return all;
    }

    private void toolCallsSection(Report r) {
        if (toolCalls == null) {
            return;
        }
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
                + PENDING_FILL_CLIENTS + " runtimes in `plan` sessions ask for " + config.pendingCalls()
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
        for (Measured decision : toolCalls.decisions()) {
            toolCallRow(r, "`POST /api/tool-calls`, allowed (auto_accept)", decision, true);
        }
        toolCallRow(r, "`POST /api/tool-calls`, asks (plan): filling the inbox", toolCalls.fill(), false);
        toolCallRow(r, "`GET /api/approvals?size=20`, " + toolCalls.pending() + " pending", toolCalls.inbox(), false);
        toolCallRow(r, "`GET /api/executions?size=20`, " + toolCalls.calls() + " calls", toolCalls.executions(), false);
        toolCallRow(r, "`POST /api/approvals/{id}` approve", toolCalls.approvals(), true);
        r.line();
        r.line("The `status` of every 2xx answer (warm-up included):");
        r.line();
        r.table("answers", "expected", "checked", "seen", "verdict");
        for (Measured decision : toolCalls.decisions()) {
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
        resourceTable(r, toolCallMeasurements().stream().map(Measured::probe).toList());
    }

    private static void toolCallRow(Report r, String what, Measured measured, boolean write) {
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

    private static void statusRow(Report r, String what, Clients.Statuses statuses) {
        r.row(
                what,
                "`" + statuses.expected() + "`",
                Long.toString(statuses.checked()),
                statusSummary(statuses),
                statuses.wrong() == 0 ? "all as expected" : "**" + statuses.wrong() + " WRONG**");
    }

    private void memorySection(Report r) {
        if (memoryAfterLoad == null) {
            return;
        }
        r.line("## 6. Memory of the node");
        r.line();
        r.line("RSS from `/proc/<pid>/status` (VmRSS; VmHWM is the peak), heap from `/actuator/metrics/jvm.memory.*`.");
        r.line();
        r.table("when", "RSS", "RSS peak", "heap used", "heap committed", "heap max", "non-heap used", "threads");
        if (memoryAfterRebuild != null) {
            memoryRow(r, "after the fill and the rebuild", memoryAfterRebuild);
        }
        memoryRow(r, "after all load (end of the run)", memoryAfterLoad);
        r.line();
    }

    private static void memoryRow(Report r, String when, Memory memory) {
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

    private void diagnosticsSection(Report r) {
        if (threadSummaries.isEmpty() && profiles.isEmpty()) {
            return;
        }
        r.line("## Diagnostics");
        r.line();
        r.line("Taken during the top command level, the top tool-call level and the rebuild; the raw files are in `"
                + targetDir
                + "` (`threads-*.txt`, `node-*.jfr`, open the latter with JDK Mission Control or `jfr print`).");
        r.line();
        threadSummaries.forEach((phase, summary) -> {
            r.line("Thread dumps during **" + phase + "** ("
                    + threadDumps.get(phase).size() + " dumps): the node's"
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

    private List<Probe.Result> allProbes() {
        List<Probe.Result> probes = new ArrayList<>();
        levels.forEach(level -> probes.add(level.probe()));
        lists.forEach(list -> probes.add(list.probe()));
        if (seed != null) {
            probes.add(seed.probe());
        }
        if (rebuild != null) {
            probes.add(rebuild.probe());
        }
        probes.add(lagLoadProbe);
        if (toolCalls != null) {
            toolCallMeasurements().forEach(measured -> probes.add(measured.probe()));
        }
        return probes.stream().filter(p -> p != null).toList();
    }

    private static void profileTable(Report r, String title, List<Map.Entry<String, Long>> rows, long samples) {
        r.table(title, "samples", "share");
        rows.forEach(e -> r.row(
                e.getKey().startsWith("dev.") ? "`" + e.getKey() + "`" : e.getKey(),
                Long.toString(e.getValue()),
                fmt(100.0 * e.getValue() / Math.max(1, samples), 1) + " %"));
        r.line();
    }

    /** Other processes using more than this many cores during a phase make its figures unreliable. */
    static final double DISTURBED_CORES = 0.25;

    private void resourceTable(Report r, List<Probe.Result> probes) {
        List<Probe.Result> present = probes.stream().filter(p -> p != null).toList();
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

    // --- small formatting helpers ---

    private static String verdict(boolean met) {
        return met ? "met" : "**MISSED**";
    }

    static String fmt(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    private static String mb(Long kb) {
        return kb == null ? "n/a" : fmt(kb / 1024.0, 0) + " MiB";
    }

    private static String joined(int[] values) {
        StringBuilder text = new StringBuilder();
        for (int value : values) {
            text.append(text.length() == 0 ? "" : ",").append(value);
        }
        return text.toString();
    }

    private String query(String sql) throws SQLException {
        try (Statement statement = jdbc.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
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

    /** A markdown builder with pipe tables. */
    static final class Report {
        private final StringBuilder text = new StringBuilder();

        void line() {
            text.append('\n');
        }

        void line(String line) {
            text.append(line).append('\n');
        }

        void table(String... headers) {
            row(headers);
            StringBuilder rule = new StringBuilder("|");
            for (int i = 0; i < headers.length; i++) {
                rule.append("---|");
            }
            line(rule.toString());
        }

        void row(String... cells) {
            StringBuilder row = new StringBuilder("|");
            for (String cell : cells) {
                row.append(' ').append(cell).append(" |");
            }
            line(row.toString());
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}

package dev.orchwiz.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The node the benchmark loads: started on a fresh database (or attached to with {@code --url}), signed in to, and
 * stopped with its database dropped at the end; plus what the phases ask of it beyond their load.
 */
final class NodeUnderTest {

    static final String STATUS_PATH = "/api/admin/projections/sessions";

    private final Config config;
    private final Path targetDir;
    private final AtomicBoolean cleanedUp = new AtomicBoolean();

    private NodeProcess.Database database;
    private boolean databaseCreated;
    private NodeProcess node;
    private Connection jdbc;
    private URI url;
    private long pid;
    private Resources resources;
    private long initialSessions;
    private double busyBefore = Double.NaN;

    /** What the node held in memory at one moment: {@code /proc} figures in kB and the JVM's in MB. */
    record Memory(
            Map<String, Long> proc, double heapUsedMb, double heapCommittedMb, double heapMaxMb, double nonHeapMb) {}

    NodeUnderTest(Config config) {
        this.config = config;
        this.targetDir = config.out().toAbsolutePath().getParent();
    }

    void setUp() throws Exception {
        Files.createDirectories(targetDir);
        // How busy the machine is without the benchmark: other processes share the CPU with the node.
        long[] before = Resources.machineTicks();
        Thread.sleep(3_000);
        long[] after = Resources.machineTicks();
        busyBefore = (after[0] - before[0]) / 100.0 / 3.0;
        Bench.log(String.format(Locale.ROOT, "machine busy before the run: %.2f cores", busyBefore));
        if (config.startsNode()) {
            database = new NodeProcess.Database(config);
            Bench.log("creating database " + database.name());
            database.create();
            databaseCreated = true;
            Bench.log("starting " + config.jar() + " (log: " + targetDir.resolve("node.log") + ")");
            long t0 = System.nanoTime();
            node = NodeProcess.start(config, database.jdbcUrl(), targetDir.resolve("node.log"));
            Bench.log(String.format(
                    Locale.ROOT,
                    "node up at %s, pid %d, in %.1f s",
                    node.url(),
                    node.pid(),
                    Measurement.secondsSince(t0)));
            url = node.url();
            pid = node.pid();
            jdbc = database.connect();
            Http.bearer = Access.provision(url, node.log());
            Bench.log("signed in as " + Access.EMAIL + " with the node's setup code; using an admin API token");
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

    /** Closes the database connection, stops a started node and drops its database; only the first call acts. */
    void cleanUp() {
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
            Bench.log("stopping the node (pid " + node.pid() + ")");
            try {
                node.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (databaseCreated) {
            Bench.log("dropping database " + database.name());
            try {
                database.drop();
            } catch (SQLException e) {
                Bench.log("could not drop database " + database.name() + ": " + e.getMessage());
            }
        }
    }

    /** One start of the node: wall time from the process's start to a healthy node, and its CPU time until then. */
    record Start(double wallSeconds, double cpuSeconds) {}

    /**
     * Stops the node the harness started and starts {@code java <options> <extra options> -jar jar} on the same
     * database in its place (the run's API token stays valid: it lives in the database). The phases after this one
     * load the new node.
     */
    Start restart(Path jar, List<String> extraJvmArgs, Path log) throws Exception {
        stopNode();
        long t0 = System.nanoTime();
        node = NodeProcess.launch(config, jar, extraJvmArgs, database.jdbcUrl(), log);
        double wall = Measurement.secondsSince(t0);
        double cpu = Resources.cpuSeconds(node.pid());
        url = node.url();
        pid = node.pid();
        resources = new Resources(pid, jdbc);
        return new Start(wall, cpu);
    }

    /** Stops the node the harness started (it may be started again with {@link #restart}). */
    void stopNode() throws InterruptedException {
        if (node == null) {
            throw new IllegalStateException("the harness did not start this node");
        }
        node.stop();
    }

    /** The run's database (only for a node the harness started). */
    String jdbcUrl() {
        return database.jdbcUrl();
    }

    URI url() {
        return url;
    }

    /** A client of its own: each has its own connections. */
    Http http() {
        return new Http(url);
    }

    /** The node's process id, or 0 for an attached node without {@code --pid}. */
    long pid() {
        return pid;
    }

    Resources resources() {
        return resources;
    }

    /** Where the report, the node's log and the diagnostics go. */
    Path targetDir() {
        return targetDir;
    }

    long initialSessions() {
        return initialSessions;
    }

    /** Cores other processes used in the three seconds before the run. */
    double busyBefore() {
        return busyBefore;
    }

    /** Whether the harness started the node and it still runs. */
    boolean startedAndAlive() {
        return node != null && node.alive();
    }

    boolean hasDatabase() {
        return jdbc != null;
    }

    String databaseName() {
        return database.name();
    }

    /** Whether a {@link #STATUS_PATH} answer says the sessions projection has folded everything up to the head. */
    static boolean caughtUp(JsonNode status) {
        return status.path("caughtUp").asBoolean(false)
                && !status.path("replaying").asBoolean(true)
                && status.path("position").asLong(-1) >= status.path("head").asLong(Long.MAX_VALUE);
    }

    boolean awaitCaughtUp(Http http, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (caughtUp(http.get(STATUS_PATH).json())) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Events in the store: counted in the database when the harness has it, else the head's global position. */
    long eventCount(Http http) throws SQLException {
        if (jdbc != null) {
            return Long.parseLong(query("select count(*) from domain_event_entry"));
        }
        return http.get(STATUS_PATH).json().path("head").asLong(0);
    }

    /** Copies the sessions' event streams in the database until the store holds {@code target} events. */
    CloneFill.Result copySessionStreams(long target) throws SQLException {
        return CloneFill.run(jdbc, target);
    }

    /** SessionStarted events in the store, or -1 without database access. */
    long startedEvents() throws SQLException {
        if (jdbc == null) {
            return -1;
        }
        return Long.parseLong(
                query("select count(*) from domain_event_entry where payload_type like '%.SessionStarted'"));
    }

    static long totalSessions(Http http) {
        return totalItems(http, "/api/sessions?size=1");
    }

    /** The {@code totalItems} of a page, or -1 when it could not be read. */
    static long totalItems(Http http, String path) {
        Http.Result result = http.get(path);
        return result.ok() ? result.json().path("totalItems").asLong(-1) : -1;
    }

    /** The first column of the first row. */
    String query(String sql) throws SQLException {
        try (Statement statement = jdbc.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    Memory memory() {
        Http http = http();
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
}

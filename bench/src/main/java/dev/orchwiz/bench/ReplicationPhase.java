package dev.orchwiz.bench;

import static dev.orchwiz.bench.Markdown.fmt;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replication between two nodes on this machine, each a process on its own database: A forwards to B through a
 * registered peer. Measures (1) throughput, catching up a backlog of events made in A's store while B's peer was
 * paused, after a first backlog caught up on cold JVMs as a warm-up (reported, not the figure), (2) end-to-end lag
 * (B's inbox commit time minus the event's time on A) while clients write to A, and (3) checks that A killed with
 * SIGKILL in the middle of a replay and started again leaves B with every event exactly once.
 */
final class ReplicationPhase implements Phase {

    private static final long BACKLOG_EVENTS = 50_000;
    private static final long WARMUP_EVENTS = 25_000;
    private static final Duration MIN_WARMUP = Duration.ofSeconds(30);
    private static final int MAX_WARMUP_ROUNDS = 2;
    private static final int WRITERS = 4;
    private static final Duration LOAD = Duration.ofSeconds(20);
    private static final Duration CATCH_UP = Duration.ofMinutes(10);

    @Override
    public void run(Harness harness) throws Exception {
        Config config = harness.config();
        Report report = harness.report();
        Path dir = harness.node().targetDir();
        String stamp = Long.toString(System.currentTimeMillis());
        NodeProcess.Database databaseA = new NodeProcess.Database(config, "orchwiz_bench_repl_a_" + stamp);
        NodeProcess.Database databaseB = new NodeProcess.Database(config, "orchwiz_bench_repl_b_" + stamp);
        databaseA.create();
        databaseB.create();
        NodeProcess a = null;
        NodeProcess b = null;
        List<String> lines = report.replication;
        try (Connection jdbcA = databaseA.connect();
                Connection jdbcB = databaseB.connect()) {
            a = start(config, databaseA, dir.resolve("replication-node-a.log"));
            b = start(config, databaseB, dir.resolve("replication-node-b.log"));
            Api apiA = new Api(a.url(), Access.provision(a.url(), a.log()));
            Api apiB = new Api(b.url(), Access.provision(b.url(), b.log()));
            JsonNode selfA = apiA.call("GET", "/api/nodes/self", null, 200);
            JsonNode selfB = apiB.call("GET", "/api/nodes/self", null, 200);
            String origin = selfA.get("id").asText();
            apiB.call(
                    "POST",
                    "/api/forwarding/sources",
                    Http.JSON.writeValueAsString(Map.of(
                            "nodeId",
                            origin,
                            "publicKey",
                            selfA.get("publicKey").asText())),
                    201);

            // 1. Backlog. A warm-up backlog first, as every other phase warms up before it measures: on a cold JVM
            //    the ed25519 signing and verifying (SHA-512 over each ~250 KB body, twice on A, once on B) runs in
            //    C1-compiled code until C2 gets to it, several times slower. Then B's peer is paused, the measured
            //    backlog is copied in A's store, and the peer resumed.
            Bench.log("replication: a warm-up backlog of " + WARMUP_EVENTS + " events on node A");
            writeSessions(apiA, 50, Duration.ofMinutes(2));
            CloneFill.run(jdbcA, WARMUP_EVENTS);
            long warmupEvents = count(jdbcA, "select count(*) from domain_event_entry");
            long w0 = System.nanoTime();
            JsonNode peer = apiA.call(
                    "POST",
                    "/api/forwarding/peers",
                    Http.JSON.writeValueAsString(Map.of(
                            "url", b.url().toString(),
                            "nodeId", selfB.get("id").asText(),
                            "publicKey", selfB.get("publicKey").asText())),
                    201);
            String peerPath = "/api/forwarding/peers/" + peer.get("id").asText();
            awaitCaughtUp(apiA, peerPath, jdbcA, jdbcB, origin);
            double warmupSeconds = Measurement.secondsSince(w0);
            Bench.log(String.format(
                    "replication: warm-up backlog of %d events caught up in %.1f s (%.0f events/s, cold JVMs)",
                    warmupEvents, warmupSeconds, warmupEvents / warmupSeconds));
            // More warm-up backlogs until the warm-up has lasted as long as other phases' (--warmup 30 is the
            // documented throughput setting): after one, JFR showed the JIT's compiler threads still taking about
            // half of each node's CPU through the measured backlog. Each fill copies the whole store (25k, then
            // 50k events), so two rounds at most.
            List<String> rounds = new ArrayList<>();
            double warmedSeconds = warmupSeconds;
            while (warmedSeconds < MIN_WARMUP.toSeconds() && rounds.size() < MAX_WARMUP_ROUNDS) {
                apiA.call("POST", peerPath + "/pause", null, 200);
                long stored = count(jdbcA, "select count(*) from domain_event_entry");
                CloneFill.run(jdbcA, stored + WARMUP_EVENTS);
                awaitOwnProjection(apiA);
                long roundEvents = count(jdbcA, "select count(*) from domain_event_entry") - stored;
                long r0 = System.nanoTime();
                apiA.call("POST", peerPath + "/resume", null, 200);
                awaitCaughtUp(apiA, peerPath, jdbcA, jdbcB, origin);
                double roundSeconds = Measurement.secondsSince(r0);
                warmedSeconds += roundSeconds;
                rounds.add(fmt(roundEvents / roundSeconds, 0));
                Bench.log(String.format(
                        "replication: warm-up round of %d events caught up in %.1f s (%.0f events/s)",
                        roundEvents, roundSeconds, roundEvents / roundSeconds));
            }
            apiA.call("POST", peerPath + "/pause", null, 200);
            Bench.log("replication: a backlog of " + BACKLOG_EVENTS + " more events on node A, its peer paused");
            // A fill copies every session stream in the store, so after the warm-up it copies at least this much.
            CloneFill.run(jdbcA, count(jdbcA, "select count(*) from domain_event_entry") + BACKLOG_EVENTS);
            awaitOwnProjection(apiA);
            long backlog = count(jdbcA, "select count(*) from domain_event_entry")
                    - count(jdbcB, "select count(*) from forwarding_inbox where origin = '" + origin + "'");
            Resources cpuA = new Resources(a.pid(), jdbcA);
            Resources cpuB = new Resources(b.pid(), jdbcB);
            Resources.Snapshot cpuA0 = cpuA.snapshot();
            Resources.Snapshot cpuB0 = cpuB.snapshot();
            List<Path> recordings = startRecordings(config, dir, a, b);
            long t0 = System.nanoTime();
            apiA.call("POST", peerPath + "/resume", null, 200);
            awaitCaughtUp(apiA, peerPath, jdbcA, jdbcB, origin);
            double backlogSeconds = Measurement.secondsSince(t0);
            Resources.Usage usageA = cpuA0.until(cpuA.snapshot());
            Resources.Usage usageB = cpuB0.until(cpuB.snapshot());
            stopRecordings(a, b, recordings);
            double backlogRate = backlog / backlogSeconds;
            String cpu = cpu(usageA, usageB);
            Bench.log(String.format(
                    "replication: backlog of %d events caught up in %.1f s (%.0f events/s); CPU in cores: %s",
                    backlog, backlogSeconds, backlogRate, cpu));

            // 2. Lag while clients write to A.
            Bench.log("replication: lag while " + WRITERS + " clients write to node A for " + LOAD.toSeconds() + " s");
            Instant loadStart = Instant.now();
            long written = writeSessions(apiA, Integer.MAX_VALUE, LOAD);
            long loadEvents =
                    count(jdbcA, "select count(*) from domain_event_entry where time_stamp >= '" + loadStart + "'");
            awaitCaughtUp(apiA, peerPath, jdbcA, jdbcB, origin);
            double[] lag = lagMillis(jdbcB, origin, loadStart);
            Bench.log(String.format(
                    "replication: %d events written at %.0f/s; lag p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                    loadEvents, loadEvents / (double) LOAD.toSeconds(), lag[0], lag[1], lag[2]));

            // 3. kill -9 in the middle of a replay, while clients write.
            Bench.log("replication: node A replays everything to B and is killed with SIGKILL mid-stream");
            apiA.call("POST", peerPath + "/reset", "{\"position\":0}", 200);
            AtomicBoolean stop = new AtomicBoolean();
            Api writer = apiA;
            Thread load = new Thread(() -> writeUntil(writer, stop), "replication-writer");
            load.start();
            long before = count(jdbcB, "select count(*) from forwarding_inbox where origin = '" + origin + "'");
            Thread.sleep(1500);
            a.kill();
            stop.set(true);
            load.join();
            long inboxAtKill = count(jdbcB, "select count(*) from forwarding_inbox where origin = '" + origin + "'");
            a = start(config, databaseA, dir.resolve("replication-node-a-restarted.log"));
            apiA = new Api(a.url(), apiA.token);
            awaitCaughtUp(apiA, peerPath, jdbcA, jdbcB, origin);
            long eventsA = count(jdbcA, "select count(*) from domain_event_entry");
            long inboxB = count(jdbcB, "select count(*) from forwarding_inbox where origin = '" + origin + "'");
            long mismatched = foldMismatches(jdbcA, jdbcB, origin);
            long sent = apiA.call("GET", peerPath, null, 200).get("sentEvents").asLong();
            Bench.log(String.format(
                    "replication: after the kill and restart B holds %d of A's %d events; %d sessions counted wrong",
                    inboxB, eventsA, mismatched));
            if (inboxB != eventsA || mismatched > 0) {
                report.problem("replication: after kill -9 B holds " + inboxB + " of A's " + eventsA + " events and "
                        + mismatched + " forwarded sessions count a different number of events than A stored");
            }

            lines.add("## 8. Replication between two nodes");
            lines.add("");
            lines.add("Two further node processes on their own databases on this machine; A forwards to B through a"
                    + " registered peer (default outbox settings: batches of up to 500 events or 1 MiB, one in flight)."
                    + " Lag is B's inbox commit time minus the event's time on A (one clock).");
            lines.add("");
            lines.add("| measurement | result |");
            lines.add("|---|---|");
            lines.add("| warm-up: backlog caught up on cold JVMs (events in A's store before B became its peer) | "
                    + warmupEvents + " events in " + fmt(warmupSeconds, 1) + " s: "
                    + fmt(warmupEvents / warmupSeconds, 0) + " events/s |");
            lines.add("| warm-up: further backlogs of " + WARMUP_EVENTS + " events until " + MIN_WARMUP.toSeconds()
                    + " s of catching up (at most " + MAX_WARMUP_ROUNDS + ") | "
                    + (rounds.isEmpty() ? "none needed" : String.join(", ", rounds) + " events/s") + " |");
            lines.add("| backlog caught up after the warm-up (events made in A's store while B's peer was paused) | "
                    + backlog + " events in " + fmt(backlogSeconds, 1) + " s: **" + fmt(backlogRate, 0)
                    + " events/s** |");
            lines.add("| CPU during that catch-up, in cores (1.0 = one core busy throughout) | " + cpu + " |");
            lines.add("| live: " + WRITERS + " clients creating sessions on A for " + LOAD.toSeconds() + " s | "
                    + loadEvents + " events (" + written + " sessions), "
                    + fmt(loadEvents / (double) LOAD.toSeconds(), 0)
                    + " events/s |");
            lines.add("| end-to-end lag A → B under that load | p50 **" + fmt(lag[0], 0) + " ms**, p99 **"
                    + fmt(lag[1], 0) + " ms**, max " + fmt(lag[2], 0) + " ms |");
            lines.add("| A killed (SIGKILL) 1.5 s into a full replay, with writers running, then restarted | B had "
                    + (inboxAtKill - before >= 0 ? inboxAtKill : 0) + " events at the kill; afterwards B holds "
                    + inboxB + " of A's " + eventsA + " events, " + mismatched
                    + " forwarded sessions with a wrong event count; A's outbox has sent " + sent
                    + " events in all (the replay included) |");
            profileLines(lines, recordings);
        } finally {
            if (a != null) {
                a.stop();
            }
            if (b != null) {
                b.stop();
            }
            databaseA.drop();
            databaseB.drop();
        }
    }

    /**
     * Starts one of the phase's nodes. The harness's {@link Http} carries the harness node's token, which these nodes
     * do not know (their health check would answer 401), so it is left out while they start.
     */
    private static NodeProcess start(Config config, NodeProcess.Database database, Path log) throws Exception {
        String harnessToken = Http.bearer;
        Http.bearer = null;
        try {
            return NodeProcess.start(config, database.jdbcUrl(), log);
        } finally {
            Http.bearer = harnessToken;
        }
    }

    /**
     * Where the CPU of the backlog's catch-up went: each node, the PostgreSQL backends of its database (the shared
     * background writers counted in both), the harness, and everything else on the machine.
     */
    private static String cpu(Resources.Usage a, Resources.Usage b) {
        double other = Math.max(0, a.machine() - a.node() - a.postgres() - b.node() - b.postgres() - a.harness());
        return "A " + fmt(a.node(), 2) + ", A's PostgreSQL " + fmt(a.postgres(), 2) + ", B " + fmt(b.node(), 2)
                + ", B's PostgreSQL " + fmt(b.postgres(), 2) + ", harness " + fmt(a.harness(), 2) + ", other "
                + fmt(other, 2) + " (machine " + fmt(a.machine(), 2) + " of " + a.cores() + ")";
    }

    /** With --jfr: a JFR profile of each node while the backlog is caught up (files beside the report). */
    private static List<Path> startRecordings(Config config, Path dir, NodeProcess a, NodeProcess b) {
        if (!config.jfr()) {
            return List.of();
        }
        List<Path> files = List.of(dir.resolve("replication-node-a.jfr"), dir.resolve("replication-node-b.jfr"));
        Diagnostics.jcmd(a.pid(), "JFR.start", "name=replication", "settings=profile", "filename=" + files.get(0));
        Diagnostics.jcmd(b.pid(), "JFR.start", "name=replication", "settings=profile", "filename=" + files.get(1));
        return files;
    }

    private static void stopRecordings(NodeProcess a, NodeProcess b, List<Path> files) {
        if (!files.isEmpty()) {
            Diagnostics.jcmd(a.pid(), "JFR.stop", "name=replication");
            Diagnostics.jcmd(b.pid(), "JFR.stop", "name=replication");
        }
    }

    /** The recordings' CPU samples: per thread, and per OrchWiz method on the stack (inclusive). */
    private static void profileLines(List<String> lines, List<Path> files) {
        for (int i = 0; i < files.size(); i++) {
            String node = i == 0 ? "A" : "B";
            try {
                Diagnostics.Profile profile = Diagnostics.profile(files.get(i), 12);
                lines.add("");
                lines.add("Node " + node + " during the catch-up, " + profile.samples() + " JFR CPU samples ("
                        + files.get(i).getFileName() + "): by thread "
                        + join(profile.threads()) + "; by library " + join(profile.libraries())
                        + "; OrchWiz methods on the stack " + join(profile.orchwiz()) + ".");
            } catch (IOException | RuntimeException unreadable) {
                Bench.log("could not read " + files.get(i) + ": " + unreadable.getMessage());
            }
        }
    }

    private static String join(List<Map.Entry<String, Long>> counts) {
        return counts.stream()
                .map(entry -> "`" + entry.getKey().replaceAll("^dev\\.orchwiz\\.", "") + "` " + entry.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Until A's peer has no lag and B's inbox holds every event of A. */
    private static void awaitCaughtUp(Api apiA, String peerPath, Connection jdbcA, Connection jdbcB, String origin)
            throws Exception {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (System.nanoTime() < deadline) {
            // The counts scan both tables, on connections that count as the nodes' PostgreSQL: taken ten times a
            // second through a backlog they were a sizeable part of "B's PostgreSQL", so only once A says it is done.
            long lag = apiA.call("GET", peerPath, null, 200).get("lag").asLong();
            if (lag == 0) {
                long events = count(jdbcA, "select count(*) from domain_event_entry");
                long received =
                        count(jdbcB, "select count(*) from forwarding_inbox where origin = '" + origin + "'");
                if (received >= events) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("node B did not catch up with node A within " + CATCH_UP);
    }

    /**
     * Until A's own sessions projection has folded the copied events: they are new events to A's processors too, and
     * folding them while the backlog is measured would charge A's projection to forwarding.
     */
    private static void awaitOwnProjection(Api apiA) throws Exception {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (!NodeUnderTest.caughtUp(apiA.call("GET", NodeUnderTest.STATUS_PATH, null, 200))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("node A did not project its own events within " + CATCH_UP);
            }
            Thread.sleep(200);
        }
    }

    /** Creates sessions from {@link #WRITERS} clients until {@code count} are made or {@code bound} passes. */
    private static long writeSessions(Api api, int count, Duration bound) throws InterruptedException {
        AtomicLong made = new AtomicLong();
        long deadline = System.nanoTime() + bound.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < deadline && made.get() < count) {
                    try {
                        api.call("POST", "/api/sessions", "{\"title\":\"replicated\"}", 201);
                        made.incrementAndGet();
                    } catch (Exception failed) {
                        return;
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return made.get();
    }

    private static void writeUntil(Api api, AtomicBoolean stop) {
        while (!stop.get()) {
            try {
                api.call("POST", "/api/sessions", "{\"title\":\"during the kill\"}", 201);
            } catch (Exception killed) {
                return;
            }
        }
    }

    private static double[] lagMillis(Connection jdbcB, String origin, Instant since) throws SQLException {
        String sql = """
                select percentile_cont(0.5) within group (order by ms), percentile_cont(0.99) within group (order by ms),
                       max(ms)
                from (select extract(epoch from received_at - occurred_at) * 1000 as ms
                      from forwarding_inbox where origin = ? and occurred_at >= ?) lags""";
        try (PreparedStatement statement = jdbcB.prepareStatement(sql)) {
            statement.setString(1, origin);
            statement.setTimestamp(2, java.sql.Timestamp.from(since));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new double[] {rows.getDouble(1), rows.getDouble(2), rows.getDouble(3)};
            }
        }
    }

    /** Sessions whose forwarded row on B counts a different number of events than A stored for them. */
    private static long foldMismatches(Connection jdbcA, Connection jdbcB, String origin) throws SQLException {
        Map<String, Long> stored = new HashMap<>();
        try (Statement statement = jdbcA.createStatement();
                ResultSet rows = statement.executeQuery("select aggregate_identifier, count(*) from domain_event_entry"
                        + " where type = 'Session' group by aggregate_identifier")) {
            while (rows.next()) {
                stored.put(rows.getString(1), rows.getLong(2));
            }
        }
        long wrong = 0;
        try (PreparedStatement statement =
                jdbcB.prepareStatement("select session_id, event_count from forwarded_session where origin = ?")) {
            statement.setString(1, origin);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (!Long.valueOf(rows.getLong(2)).equals(stored.remove(rows.getString(1)))) {
                        wrong++;
                    }
                }
            }
        }
        return wrong + stored.size();
    }

    private static long count(Connection jdbc, String sql) throws SQLException {
        try (Statement statement = jdbc.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A client of one of the phase's nodes with its own token (the harness's {@link Http} serves its own node). */
    private static final class Api {
        private final URI base;
        private final String token;
        private final HttpClient client = HttpClient.newHttpClient();

        Api(URI base, String token) {
            this.base = base;
            this.token = token;
        }

        JsonNode call(String method, String path, String body, int expected) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? Http.JSON.createObjectNode() : Http.JSON.readTree(response.body());
        }
    }
}

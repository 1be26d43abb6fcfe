package dev.orchwiz.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The session list: closed-loop readers of the first page, after creating the sessions missing to
 * {@code minSessions}.
 */
record ListPhase(String label, long minSessions) implements Phase {

    @Override
    public void run(Harness harness) throws Exception {
        Config config = harness.config();
        Clients.Counters counters = harness.counters();
        Report report = harness.report();
        Http http = harness.node().http();
        long present = NodeUnderTest.totalSessions(http);
        long filled = 0;
        double fillSeconds = 0;
        if (present < minSessions) {
            long target = counters.sessionsCreated.get() + (minSessions - present);
            Bench.log("list: creating " + (minSessions - present) + " sessions first (8 clients)");
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
            fillSeconds = Measurement.secondsSince(t0);
            filled = counters.sessionsCreated.get() - before;
            report.countErrors("creating sessions for the list benchmark", fill.measured());
            harness.node().awaitCaughtUp(http, Duration.ofMinutes(5));
        }
        long sessions = NodeUnderTest.totalSessions(http);
        Bench.log("list " + label + ": " + config.listClients() + " clients, GET /api/sessions?size=20 with " + sessions
                + " sessions present");
        Http listHttp = harness.node().http();
        Measurement.Measured measured = harness.measurement()
                .run(
                        "list-" + sessions,
                        "list",
                        config.listClients(),
                        i -> new Clients.ReadClient(listHttp, "list", "/api/sessions?size=20"),
                        config.warmup(),
                        config.duration(),
                        null,
                        false);
        report.lists.add(new Report.ListResult(label, sessions, measured, filled, fillSeconds));
        report.countErrors("list " + label, measured.outcome().measured());
        report.countErrors("list warm-up " + label, measured.outcome().warmup());
        Recorder.Stats stats = measured.stats();
        Bench.log(String.format(
                Locale.ROOT,
                "  %.0f lists/s, p50 %.1f ms, p99 %.1f ms",
                measured.perSecond(),
                stats.p50(),
                stats.p99()));
    }
}

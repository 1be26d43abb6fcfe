package dev.orchwiz.bench;

import java.time.Duration;
import java.util.Locale;

/** The fill: seed clients write through the API until the event store holds the rebuild target. */
final class SeedPhase implements Phase {

    @Override
    public void run(Harness harness) throws Exception {
        Config config = harness.config();
        NodeUnderTest node = harness.node();
        Clients.Counters counters = harness.counters();
        Http http = node.http();
        long before = node.eventCount(http);
        long sessionsBefore = counters.sessionsCreated.get();
        Bench.log("seed: the event store holds " + before + " events; target " + config.rebuildEvents());
        double seconds = 0;
        ClosedLoop.Outcome outcome = null;
        Probe.Result probed = null;
        long current = before;
        for (int round = 0; round < 3 && current < config.apiEvents(); round++) {
            long target = counters.eventsWritten.get() + (config.apiEvents() - current);
            Http seedHttp = node.http();
            long seedBase = 70_000L + 100L * round;
            Probe probe = Probe.begin("seed", http, node.resources());
            long t0 = System.nanoTime();
            outcome = ClosedLoop.run(
                    "seed",
                    config.seedClients(),
                    i -> new Clients.SeedClient(seedHttp, counters, target, seedBase + i),
                    Duration.ZERO,
                    config.seedTimeout(),
                    ClosedLoop.NO_HOOKS);
            seconds += Measurement.secondsSince(t0);
            probed = probe.end();
            harness.report().countErrors("seeding the event store", outcome.measured());
            current = node.eventCount(http);
            Bench.log(String.format(
                    Locale.ROOT,
                    "  store holds %d events after %.1f s (%.0f commands/s)",
                    current,
                    seconds,
                    outcome.throughput(Recorder.ALL)));
        }
        CloneFill.Result copies = new CloneFill.Result(0, 0, 0);
        if (current < config.rebuildEvents() && node.hasDatabase()) {
            copies = node.copySessionStreams(config.rebuildEvents());
            current = node.eventCount(http);
            Bench.log(String.format(
                    Locale.ROOT,
                    "  copies: %d events of %d sessions in %.1f s",
                    copies.events(),
                    copies.sessions(),
                    copies.seconds()));
        }
        if (current < config.rebuildEvents()) {
            harness.report()
                    .problem("the event store holds only " + current + " events, fewer than " + config.rebuildEvents());
        }
        long t1 = System.nanoTime();
        // Copies reach the read model through the live processor; a million events may take it minutes.
        boolean caughtUp = node.awaitCaughtUp(http, Duration.ofMinutes(copies.events() > 0 ? 30 : 10));
        double catchUp = Measurement.secondsSince(t1);
        Bench.log(String.format(Locale.ROOT, "  read model caught up %.1f s after the last write", catchUp));
        harness.report().seed = new Report.SeedResult(
                before,
                current,
                sessionsBefore,
                counters.sessionsCreated.get(),
                seconds,
                outcome,
                probed,
                catchUp,
                caughtUp,
                copies);
    }
}

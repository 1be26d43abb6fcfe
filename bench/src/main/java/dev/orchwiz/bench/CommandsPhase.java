package dev.orchwiz.bench;

import java.util.Locale;

/** Commands: the mixed command workload at each client level, diagnosed at the top level. */
final class CommandsPhase implements Phase {

    @Override
    public void run(Harness harness) throws Exception {
        Config config = harness.config();
        int top = Measurement.top(config.levels());
        for (int level : config.levels()) {
            Bench.log(String.format(
                    Locale.ROOT,
                    "commands: %d client(s), %d s warm-up + %d s measured",
                    level,
                    config.warmup().toSeconds(),
                    config.duration().toSeconds()));
            Http http = harness.node().http();
            long seedBase = 1_000L * level;
            Measurement.Measured measured = harness.measurement()
                    .run(
                            "commands-" + level,
                            Recorder.ALL,
                            level,
                            i -> new Clients.CommandClient(http, harness.counters(), seedBase + i),
                            config.warmup(),
                            config.duration(),
                            null,
                            level == top);
            harness.report().levels.add(measured);
            ClosedLoop.Outcome outcome = measured.outcome();
            harness.report().countErrors("commands at " + level + " clients", outcome.measured());
            harness.report().countErrors("commands warm-up at " + level + " clients", outcome.warmup());
            Recorder.Stats stats = outcome.measured().stats(Recorder.ALL);
            Bench.log(String.format(
                    Locale.ROOT,
                    "  %.0f commands/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %s",
                    outcome.throughput(Recorder.ALL),
                    stats.p50(),
                    stats.p99(),
                    stats.max(),
                    outcome.measured().errorSummary(Recorder.ALL)));
        }
    }
}

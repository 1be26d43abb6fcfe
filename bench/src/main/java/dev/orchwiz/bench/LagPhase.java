package dev.orchwiz.bench;

import static dev.orchwiz.bench.Markdown.fmt;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Write-to-read lag: sampled on an idle node, then while command clients load it. */
final class LagPhase implements Phase {

    @Override
    public void run(Harness harness) throws Exception {
        Config config = harness.config();
        NodeUnderTest node = harness.node();
        Clients.Counters counters = harness.counters();
        Report report = harness.report();
        Bench.log("lag: " + config.lagSamples() + " samples on an idle node");
        Recorder idleWrites = new Recorder();
        Lag.Result idle = Lag.measure(node.http(), counters, config.lagSamples(), config.lagTimeout(), 7, idleWrites);
        report.countErrors("lag probe writes (idle)", idleWrites);
        Bench.log(lagLine(idle));

        Duration warmup = Duration.ofSeconds(5);
        Bench.log("lag: " + config.lagSamples() + " samples while " + config.lagLoadClients() + " command clients run"
                + (config.lagLoadRate() > 0 ? " (paced to " + fmt(config.lagLoadRate(), 0) + " commands/s)" : ""));
        Http loadHttp = node.http();
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
        Lag.Result loaded;
        Recorder probeWrites = new Recorder();
        try {
            Thread.sleep(warmup.toMillis() + 200);
            probe = Probe.begin("lag-under-load", node.http(), node.resources());
            loaded = Lag.measure(node.http(), counters, config.lagSamples(), config.lagTimeout(), 11, probeWrites);
        } finally {
            probeDone.set(true);
        }
        Probe.Result loadProbe = probe.end();
        ClosedLoop.Outcome loadOutcome = load.get(config.lagTimeout().toSeconds() + 120, TimeUnit.SECONDS);
        report.lag = new Report.LagResult(idle, loaded, loadOutcome, loadProbe);
        report.countErrors("load during the lag measurement", loadOutcome.measured());
        report.countErrors("lag probe writes (under load)", probeWrites);
        Bench.log(lagLine(loaded)
                + String.format(Locale.ROOT, " (load: %.0f commands/s)", loadOutcome.throughput(Recorder.ALL)));
        for (Lag.Result result : List.of(idle, loaded)) {
            if (result.failedWrites() + result.failedReads() > 0) {
                report.problem("lag probe: " + result.failedWrites() + " failed writes, " + result.failedReads()
                        + " failed reads");
            }
            if (result.invisible() > 0) {
                report.problem("lag probe: " + result.invisible() + " writes never became readable within "
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
}

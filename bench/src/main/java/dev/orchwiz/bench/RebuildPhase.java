package dev.orchwiz.bench;

import static dev.orchwiz.bench.NodeUnderTest.STATUS_PATH;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The rebuild: resets the sessions read model, replays the whole store while polling its status, checks the rebuilt
 * model against the sessions created, and takes the node's memory afterwards.
 */
final class RebuildPhase implements Phase {

    @Override
    public void run(Harness harness) throws Exception {
        Config config = harness.config();
        NodeUnderTest node = harness.node();
        Diagnostics diagnostics = harness.diagnostics();
        Report report = harness.report();
        Http http = node.http();
        long events = node.eventCount(http);
        Bench.log("rebuild: replaying " + events + " events into the sessions read model");
        Probe probe = Probe.begin("rebuild", http, node.resources());
        diagnostics.startRecording("rebuild");
        Thread dumper = diagnostics.startThreadDumps("rebuild", 2_000, 2_000);
        long t0 = System.nanoTime();
        Http.Result accepted = http.post(STATUS_PATH + "/rebuild", null);
        if (accepted.status() != 202) {
            report.problem("rebuild answered " + accepted.outcome() + ": " + accepted.text());
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
            if (!NodeUnderTest.caughtUp(json)) {
                sawReplay = true;
            } else if (sawReplay && status.ok()) {
                finished = true;
                break;
            }
            if (System.nanoTime() - lastLog > 5_000_000_000L) {
                lastLog = System.nanoTime();
                Bench.log(String.format(
                        Locale.ROOT,
                        "  at %d of %d after %.1f s",
                        json.path("position").asLong(-1),
                        json.path("head").asLong(-1),
                        Measurement.secondsSince(t0)));
            }
            Thread.sleep(100);
        }
        double seconds = Measurement.secondsSince(t0);
        Probe.Result probed = probe.end();
        diagnostics.stopRecording("rebuild");
        if (dumper != null) {
            dumper.join(30_000);
        }
        if (!finished) {
            report.problem("the rebuild did not finish within "
                    + config.rebuildTimeout().toSeconds() + " s");
        }
        long copied = report.seed == null ? 0 : report.seed.copies().sessions();
        long expected = node.initialSessions() + harness.counters().sessionsCreated.get() + copied;
        long listed = NodeUnderTest.totalSessions(http);
        long started = node.startedEvents();
        Report.RebuildResult rebuild = new Report.RebuildResult(
                events, seconds, finished, sawReplay, polls, expected, listed, started, probed, accepted.text());
        report.rebuild = rebuild;
        Bench.log(String.format(
                Locale.ROOT,
                "  %d events in %.2f s = %.0f events/s; sessions listed %d, created %d, started events %d",
                events,
                seconds,
                rebuild.eventsPerSecond(),
                listed,
                expected,
                started));
        if (listed != expected) {
            report.problem("after the rebuild GET /api/sessions lists " + listed + " sessions, but " + expected
                    + " were created");
        }
        if (started >= 0 && started != listed) {
            report.problem("the event store holds " + started + " SessionStarted events but " + listed + " are listed");
        }
        report.memoryAfterRebuild = node.memory();
    }
}

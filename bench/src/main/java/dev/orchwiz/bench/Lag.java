package dev.orchwiz.bench;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Write-to-read lag: a probe writes to its own session (prompts and mode changes alternately), and from the moment
 * the 2xx answer arrived polls {@code GET /api/sessions/{id}} every {@link #POLL} until the read model shows a version
 * at least the one the write returned. The lag is measured up to the arrival of that first fresh read, so it
 * includes one read's round trip (reported separately as the read latency). Samples are spaced by a random pause.
 */
final class Lag {

    static final Duration POLL = Duration.ofMillis(2);
    static final Duration GIVE_UP = Duration.ofSeconds(10);

    private Lag() {}

    /** Lag samples (ns) with how many writes never became visible within {@link #GIVE_UP}, and failed writes. */
    record Result(
            Recorder.Stats lag,
            Recorder.Stats read,
            long samples,
            long invisible,
            long failedWrites,
            long failedReads,
            double pollsPerSample) {}

    static Result measure(
            Http http, Clients.Counters counters, int samples, Duration bound, long seed, Recorder writeRecorder) {
        SplittableRandom random = new SplittableRandom(seed);
        Recorder.Samples lags = new Recorder.Samples();
        Recorder reads = new Recorder();
        long invisible = 0;
        long failedWrites = 0;
        long polls = 0;
        long deadline = System.nanoTime() + bound.toNanos();
        Clients.Known session = null;
        for (int i = 0; i < samples * 2 && lags.size() + invisible < samples; i++) {
            if (System.nanoTime() > deadline) {
                break;
            }
            if (session == null) {
                session = Clients.create(http, writeRecorder, random, counters, "create");
                if (session == null) {
                    failedWrites++;
                    continue;
                }
                // A create is a write too: its version 0 must become readable.
                long lag = await(http, session.id, 0, reads);
                if (lag < 0) {
                    invisible++;
                } else {
                    lags.add(lag);
                }
                continue;
            }
            long version = i % 2 == 0
                    ? Clients.prompt(http, writeRecorder, random, counters, session)
                    : Clients.toggleMode(http, writeRecorder, counters, session);
            if (version < 0) {
                failedWrites++;
                continue;
            }
            long before = reads.total(Recorder.ALL);
            long lag = await(http, session.id, version, reads);
            polls += reads.total(Recorder.ALL) - before;
            if (lag < 0) {
                invisible++;
            } else {
                lags.add(lag);
            }
            // A random pause (uniform 0..1 s) between samples: writes land at random moments relative to any periodic
            // poll in the node, as real users' writes do. A short fixed pause would fall into step with such a poll
            // (a write right after the previous read is always just after a poll) and report its full period.
            LockSupport.parkNanos(Duration.ofMillis(random.nextInt(1_000)).toNanos());
        }
        long[] values = lags.toArray();
        return new Result(
                Recorder.Stats.of(values),
                reads.stats("read"),
                values.length,
                invisible,
                failedWrites,
                // A 404 right after a create only means "not projected yet"; anything else is a failure.
                reads.errors(Recorder.ALL) - reads.outcomes(Recorder.ALL).getOrDefault("404", 0L),
                values.length == 0 ? 0 : (double) polls / values.length);
    }

    /** Polls until the session reads at {@code version} or later; answers the lag in ns, or -1 if it never did. */
    private static long await(Http http, String id, long version, Recorder reads) {
        long written = System.nanoTime();
        long giveUp = written + GIVE_UP.toNanos();
        String path = "/api/sessions/" + id;
        while (System.nanoTime() < giveUp) {
            long sent = System.nanoTime();
            Http.Result result = http.get(path);
            reads.record("read", result);
            if (result.ok() && result.json().path("version").asLong(-1) >= version) {
                return System.nanoTime() - written;
            }
            long next = sent + POLL.toNanos();
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
        return -1;
    }
}
